package dev.tenancy.command.admin;

/** {@code version}: the tenant's version after the change; send it as {@code X-Min-Version} to read your write. */
public record TenantVersionResponse(String tenantId, long version) {
}
