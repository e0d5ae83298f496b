package dev.tenancy.command.tenant;

import dev.tenancy.api.user.Role;

/**
 * The answer to accepting an invitation. An expired invitation is an answer, not a failure: its expiry is stored
 * (the seat is free again) and the caller says 410. {@code email} and {@code role} are the new member's.
 */
public record InvitationAcceptance(boolean accepted, String email, Role role, long version) {
}
