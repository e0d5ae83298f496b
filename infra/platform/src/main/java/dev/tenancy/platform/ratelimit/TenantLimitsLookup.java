package dev.tenancy.platform.ratelimit;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.platform.tenant.TenantRef;

import java.util.Optional;

/**
 * The tenant's API call limit per hour. A service that knows a tenant's effective limits (plan plus a superadmin's
 * overrides) provides a bean of this type; without one, {@link PlanTenantLimits} answers the plan's limit.
 */
@FunctionalInterface
public interface TenantLimitsLookup {

    /** Empty when this lookup does not know the tenant: the plan's limit applies then. */
    Optional<Quota> apiCallsPerHour(TenantRef tenant);
}
