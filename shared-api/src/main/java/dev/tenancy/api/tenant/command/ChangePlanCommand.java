package dev.tenancy.api.tenant.command;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Superadmin: moves the tenant to another plan; a downgrade below current usage is accepted (see docs). */
public record ChangePlanCommand(@TargetAggregateIdentifier String tenantId, Plan plan) implements TenantMessage {
}
