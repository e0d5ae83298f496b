package dev.tenancy.api.tenant.command;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Superadmin: replaces the tenant's feature overrides (true grants a feature, false withholds it). */
public record OverrideFeaturesCommand(
        @TargetAggregateIdentifier String tenantId,
        Map<Feature, Boolean> overrides) implements TenantMessage {
}
