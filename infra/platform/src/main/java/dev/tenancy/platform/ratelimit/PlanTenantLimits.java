package dev.tenancy.platform.ratelimit;

import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.platform.tenant.TenantRef;

import java.util.Optional;

/**
 * The limit of the tenant's plan as the catalog defines it. {@link TenantRef} carries no limits, so a superadmin's
 * {@code apiCallsPerHour} override is not seen here; a service that holds the effective limits replaces this bean.
 */
public class PlanTenantLimits implements TenantLimitsLookup {

    @Override
    public Optional<Quota> apiCallsPerHour(TenantRef tenant) {
        return Optional.ofNullable(tenant.plan()).map(plan -> PlanCatalog.terms(plan).limits().apiCallsPerHour());
    }
}
