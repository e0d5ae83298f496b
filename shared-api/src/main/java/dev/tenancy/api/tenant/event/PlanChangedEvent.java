package dev.tenancy.api.tenant.event;

import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantMessage;

/** {@code planLimits} are the new plan's; {@code limits} are those in force, overrides applied. */
public record PlanChangedEvent(
        String tenantId,
        Plan previousPlan,
        Plan plan,
        Limits planLimits,
        Limits limits) implements TenantMessage {
}
