package dev.tenancy.api.tenant.query;

/** The whole read model of one tenant ({@link TenantDetailsView}), or nothing when it is not known. */
public record FindTenantDetailsQuery(String tenantId) {
}
