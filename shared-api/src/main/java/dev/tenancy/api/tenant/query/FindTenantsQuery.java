package dev.tenancy.api.tenant.query;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;

import java.time.Instant;

/**
 * A superadmin's search over all tenants; every criterion is optional (null: any). {@code text} matches name, slug or a
 * domain as a case-insensitive substring; {@code createdFrom} is inclusive, {@code createdTo} exclusive;
 * {@code overLimit} selects tenants with (true) or without (false) a resource over its limit. {@code page} is 0-based;
 * {@code sortField} is one of createdAt, name, slug, plan, status.
 */
public record FindTenantsQuery(
        String text,
        TenantStatus status,
        Plan plan,
        Instant createdFrom,
        Instant createdTo,
        Boolean overLimit,
        int page,
        int size,
        String sortField,
        boolean ascending) {
}
