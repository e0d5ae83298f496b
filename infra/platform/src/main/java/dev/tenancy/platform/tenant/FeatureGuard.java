package dev.tenancy.platform.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Refuses work the tenant's effective features do not include. {@link RequiresFeature} applies it to a route; code
 * paths that decide later (a feature needed only for some inputs) call {@link #require(Feature)} themselves.
 */
public final class FeatureGuard {

    private FeatureGuard() {
    }

    /** Requires {@code feature} of the current request's tenant (404 tenant-not-found when none was resolved). */
    public static void require(Feature feature) {
        require(CurrentTenant.get(), feature);
    }

    public static void require(TenantRef tenant, Feature feature) {
        if (has(tenant, feature)) {
            return;
        }
        Plan required = PlanCatalog.lowestPlanWith(feature);
        Plan plan = tenant.plan();
        boolean planIncludesIt = plan != null && plan.compareTo(required) >= 0;
        String how = planIncludesIt
                ? "it is switched off for this tenant; ask a superadmin to enable it"
                : "upgrade to " + required + " or ask a superadmin to enable it";
        throw new ApiProblem(HttpStatus.FORBIDDEN, "feature-not-available", "Feature not available",
                "Feature " + feature + " is not available on plan " + plan + ": " + how + ".")
                .with("feature", feature.name())
                .with("plan", plan == null ? null : plan.name())
                .with("requiredPlan", required.name());
    }

    public static boolean has(TenantRef tenant, Feature feature) {
        return tenant.features() != null && tenant.features().contains(feature);
    }
}
