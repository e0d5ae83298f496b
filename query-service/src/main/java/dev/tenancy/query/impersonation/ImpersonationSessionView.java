package dev.tenancy.query.impersonation;

import java.time.Instant;

/** One time a superadmin acted as the tenant's owner, and why. */
public record ImpersonationSessionView(String superadminId, String reason, Instant startedAt, Instant expiresAt) {
}
