package dev.tenancy.api.usage.query;

import dev.tenancy.api.plan.Resource;

/** Whether the tenant may consume {@code amount} more of {@code resource} now, as far as the read model knows. */
public record FindLimitCheckQuery(String tenantId, Resource resource, long amount) {
}
