package dev.tenancy.api.tenant.query;

/**
 * The tenant's read model. {@code minVersion} asks for a view at least as new as that aggregate version (the version a
 * command answered with), which is how a client reads its own writes; -1 accepts whatever is there.
 */
public record FindTenantQuery(String tenantId, long minVersion) {
}
