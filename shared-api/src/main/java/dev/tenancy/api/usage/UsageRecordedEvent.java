package dev.tenancy.api.usage;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantMessage;

import java.time.Instant;

/**
 * {@code delta} is what was counted and {@code used} the total after it, in the period starting at
 * {@code periodStart}; {@code requested} differs from {@code delta} only for a release clamped at zero.
 */
public record UsageRecordedEvent(
        String tenantId,
        Resource resource,
        long delta,
        long used,
        String idempotencyKey,
        Instant occurredAt,
        Instant periodStart,
        long requested) implements TenantMessage {
}
