package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;

/**
 * A tenant's consumption of one resource over the range and on how many days it consumed any; name, slug, plan and
 * status are as they are now (null while its creation is not projected yet).
 */
public record TopTenant(String tenantId, String slug, String name, Plan plan, TenantStatus status, long consumed,
                        long released, long activeDays) {
}
