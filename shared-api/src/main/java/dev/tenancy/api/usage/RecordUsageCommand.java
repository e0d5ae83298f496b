package dev.tenancy.api.usage;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Consume ({@code delta > 0}) or release ({@code delta < 0}) a resource. Check and increment are one decision in the
 * tenant's aggregate; the same idempotency key within 24 hours answers the first outcome again.
 */
public record RecordUsageCommand(
        @TargetAggregateIdentifier String tenantId,
        Resource resource,
        long delta,
        String idempotencyKey,
        Instant occurredAt) implements TenantMessage {
}
