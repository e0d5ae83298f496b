package dev.tenancy.api.tenant.query;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tenant as the read model holds it. {@code limits} are those in force (plan limits with the overrides applied),
 * {@code features} the effective features sorted by name, {@code overLimit} the resources the tenant is over its
 * limit on (empty until usage is metered). {@code version} is the last aggregate version applied.
 */
public record TenantView(
        String id,
        String name,
        String slug,
        Plan plan,
        TenantStatus status,
        String statusReason,
        Limits limits,
        Limits planLimits,
        LimitOverrides limitOverrides,
        List<Feature> features,
        Map<Feature, Boolean> featureOverrides,
        List<String> overLimit,
        Instant createdAt,
        Instant deletedAt,
        Instant reservedUntil,
        long version) {
}
