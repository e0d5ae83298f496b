package dev.tenancy.api.tenant.query;

import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;

import java.time.Instant;

public record TenantView(
        String id,
        String name,
        String slug,
        Plan plan,
        TenantStatus status,
        Limits limits,
        Instant createdAt,
        long version) {
}
