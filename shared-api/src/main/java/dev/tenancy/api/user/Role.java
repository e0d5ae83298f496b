package dev.tenancy.api.user;

/** OWNER, ADMIN and MEMBER are per tenant; SUPERADMIN is global and belongs to no tenant. */
public enum Role {
    OWNER,
    ADMIN,
    MEMBER,
    SUPERADMIN;

    public boolean isTenantAdmin() {
        return this == OWNER || this == ADMIN;
    }
}
