package dev.tenancy.query.web;

import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AuthenticatedUser;

/**
 * Who looks at a console page. {@code actingSuperadmin} is set while a superadmin acts as a tenant's owner: the
 * page then shows the banner with the way back.
 */
public record Viewer(String userId, String tenantId, Role role, String actingSuperadmin) {

    public static Viewer of(AuthenticatedUser user) {
        return new Viewer(user.userId(), user.tenantId(), user.role(), user.actingSuperadmin());
    }

    public boolean superadmin() {
        return role == Role.SUPERADMIN;
    }

    public boolean impersonating() {
        return actingSuperadmin != null;
    }

    /** Owners and admins manage the tenant; members only look. */
    public boolean manager() {
        return role == Role.OWNER || role == Role.ADMIN;
    }

    public boolean owner() {
        return role == Role.OWNER;
    }
}
