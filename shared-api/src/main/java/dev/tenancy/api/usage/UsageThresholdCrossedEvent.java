package dev.tenancy.api.usage;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantMessage;

import java.time.Instant;

/** 80 or 100 percent of a limit reached: once per period per threshold, again after a limit change. */
public record UsageThresholdCrossedEvent(
        String tenantId,
        Resource resource,
        int percent,
        long used,
        long limit,
        Instant periodStart) implements TenantMessage {
}
