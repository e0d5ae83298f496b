package dev.tenancy.api.usage.query;

import dev.tenancy.api.plan.Resource;

/** The {@code limit} tenants using the largest share of their finite, non-zero limit of {@code resource}. */
public record FindTopUsageQuery(Resource resource, int limit) {
}
