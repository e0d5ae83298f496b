package dev.tenancy.api.usage;

import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts the tenant's new usage period if a boundary has passed; does nothing otherwise. */
public record RolloverUsagePeriodCommand(
        @TargetAggregateIdentifier String tenantId) implements TenantMessage {
}
