package dev.tenancy.api.tenant.event;

import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantMessage;

import java.time.Instant;

public record TenantCreatedEvent(
        String tenantId,
        String name,
        String slug,
        Plan plan,
        Limits limits,
        Instant createdAt) implements TenantMessage {
}
