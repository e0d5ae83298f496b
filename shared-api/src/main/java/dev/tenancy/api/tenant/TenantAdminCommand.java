package dev.tenancy.api.tenant;

/** A change a tenant's own admins make: refused while the tenant is suspended. */
public interface TenantAdminCommand extends TenantMessage {
}
