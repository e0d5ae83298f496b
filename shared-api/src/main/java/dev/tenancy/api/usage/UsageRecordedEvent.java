package dev.tenancy.api.usage;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantMessage;

import java.time.Instant;

/** {@code used} is the total after this change, in the period starting at {@code periodStart}. */
public record UsageRecordedEvent(
        String tenantId,
        Resource resource,
        long delta,
        long used,
        String idempotencyKey,
        Instant occurredAt,
        Instant periodStart) implements TenantMessage {
}
