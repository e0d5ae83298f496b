package dev.tenancy.platform.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;

import java.util.Set;

/**
 * What request handling needs to know of a tenant: who it is, whether it may be used, what its plan allows and which
 * security settings apply to its callers.
 */
public record TenantRef(String id, String slug, TenantStatus status, String statusReason, Plan plan,
                        Set<Feature> features, TenantSecurity security) {

    public TenantRef {
        security = security == null ? TenantSecurity.defaults() : security;
    }

    public TenantRef(String id, String slug, TenantStatus status, String statusReason, Plan plan,
                     Set<Feature> features) {
        this(id, slug, status, statusReason, plan, features, TenantSecurity.defaults());
    }
}
