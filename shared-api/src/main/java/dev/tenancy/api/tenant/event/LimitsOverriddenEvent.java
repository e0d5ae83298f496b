package dev.tenancy.api.tenant.event;

import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.tenant.TenantMessage;

public record LimitsOverriddenEvent(
        String tenantId,
        LimitOverrides previous,
        LimitOverrides overrides,
        Limits limits) implements TenantMessage {
}
