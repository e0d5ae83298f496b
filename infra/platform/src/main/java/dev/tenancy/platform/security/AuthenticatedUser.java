package dev.tenancy.platform.security;

import dev.tenancy.api.user.Role;

/**
 * The verified bearer of an access token. {@code tenantId} is null for a superadmin acting as themselves;
 * {@code actingSuperadmin} names the superadmin behind an impersonation token.
 */
public record AuthenticatedUser(String userId, String tenantId, Role role, String actingSuperadmin) {

    public boolean isSuperadmin() {
        return role == Role.SUPERADMIN;
    }
}
