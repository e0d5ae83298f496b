package dev.tenancy.api.tenant.command;

import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Superadmin: replaces the tenant's limit overrides. */
public record OverrideLimitsCommand(
        @TargetAggregateIdentifier String tenantId,
        LimitOverrides overrides) implements TenantMessage {
}
