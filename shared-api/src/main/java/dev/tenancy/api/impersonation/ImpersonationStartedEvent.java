package dev.tenancy.api.impersonation;

import dev.tenancy.api.tenant.TenantMessage;

import java.time.Instant;

/** A superadmin was given a token acting as the tenant's owner until {@code expiresAt}. Never carries the token. */
public record ImpersonationStartedEvent(
        String tenantId,
        String superadminId,
        String ownerUserId,
        String reason,
        Instant startedAt,
        Instant expiresAt) implements TenantMessage {
}
