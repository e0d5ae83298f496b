package dev.tenancy.api.usage.query;

import java.util.List;

/**
 * A tenant's usage, one entry per resource in the order of {@code Resource}: a {@link QuotaUsageView} for every
 * counted resource, a {@link SwitchUsageView} for customIntegrations. {@code version} is the last aggregate version
 * the usage read model applied.
 */
public record TenantUsageView(String tenantId, List<ResourceUsage> resources, long version) {
}
