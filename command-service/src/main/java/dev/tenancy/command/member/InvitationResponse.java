package dev.tenancy.command.member;

import dev.tenancy.api.user.Role;

import java.time.Instant;

/** {@code token} is shown this once: only its hash is kept. */
public record InvitationResponse(String id, String email, Role role, Instant expiresAt, String token) {
}
