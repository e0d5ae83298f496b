package dev.tenancy.api.usage;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantMessage;

import java.time.Instant;

/** One per boundary passed, also for periods in which the tenant was idle. */
public record UsagePeriodResetEvent(
        String tenantId,
        Resource resource,
        Instant previousPeriodStart,
        long previousUsed,
        Instant periodStart,
        Instant periodEnd) implements TenantMessage {
}
