package dev.tenancy.api.usage.query;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.Quota;

public record TopUsageItem(
        String tenantId,
        String slug,
        String name,
        Plan plan,
        long used,
        Quota limit,
        double percent) {
}
