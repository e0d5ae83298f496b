package dev.tenancy.platform.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;

import java.util.Set;

/** What request handling needs to know of a tenant: who it is, whether it may be used, what its plan allows. */
public record TenantRef(String id, String slug, TenantStatus status, String statusReason, Plan plan,
                        Set<Feature> features) {
}
