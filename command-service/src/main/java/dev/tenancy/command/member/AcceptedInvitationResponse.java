package dev.tenancy.command.member;

import dev.tenancy.api.user.Role;

/** The new member; they sign in with POST /api/v1/auth/login, naming the tenant's slug. */
public record AcceptedInvitationResponse(String tenantId, String userId, String email, Role role) {
}
