package dev.tenancy.api.usage;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantMessage;

import java.time.Instant;

/** A report refused whole, kept so the same idempotency key answers the same refusal. Nothing was counted. */
public record UsageRefusedEvent(
        String tenantId,
        Resource resource,
        long delta,
        long used,
        Quota limit,
        String idempotencyKey,
        Instant occurredAt,
        String reason) implements TenantMessage {
}
