package dev.tenancy.command.tenant;

import java.time.Instant;

/** What the tenant granted: act as {@code ownerUserId} until {@code expiresAt}; {@code version} after recording it. */
public record ImpersonationGrant(String tenantId, String ownerUserId, String superadminId, Instant startedAt,
                                 Instant expiresAt, long version) {
}
