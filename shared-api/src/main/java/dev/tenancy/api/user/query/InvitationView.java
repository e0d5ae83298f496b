package dev.tenancy.api.user.query;

import dev.tenancy.api.user.Role;

import java.time.Instant;

/**
 * {@code status} is "pending", or "expired" once {@code expiresAt} has passed: the command side records the expiry
 * only when the tenant's next invitation command runs, so the read side tells by the clock.
 */
public record InvitationView(String id, String email, Role role, Instant invitedAt, Instant expiresAt,
                             String status) {
}
