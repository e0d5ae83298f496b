package dev.tenancy.api.usage.query;

/**
 * A tenant's usage: every resource's counter against its limit. {@code minVersion} asks for the usage read model to
 * have reached at least that aggregate version (read your own writes); 0 accepts any tenant it knows.
 */
public record FindTenantUsageQuery(String tenantId, long minVersion) {
}
