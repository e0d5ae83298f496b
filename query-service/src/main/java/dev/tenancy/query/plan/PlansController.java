package dev.tenancy.query.plan;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.PlanTerms;
import dev.tenancy.platform.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The plan catalog, for pricing pages and upgrade prompts: public, straight from {@link PlanCatalog}. */
@RestController
public class PlansController {

    @GetMapping("/api/v1/plans")
    @PublicEndpoint
    @Operation(summary = "The plans, FREE to ENTERPRISE", description = "Storage is in bytes; an unlimited quota is "
            + "{\"unlimited\":true,\"max\":null}. ENTERPRISE has custom pricing (monthlyPriceUsd null).")
    public List<PlanView> plans() {
        return Arrays.stream(Plan.values()).map(PlanCatalog::terms).map(PlansController::view).toList();
    }

    private static PlanView view(PlanTerms terms) {
        return new PlanView(terms.plan(), terms.monthlyPriceUsd(), terms.customPricing(), terms.limits(),
                terms.features().stream().sorted(Comparator.comparing(Feature::name)).toList());
    }
}
