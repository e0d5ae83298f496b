package dev.tenancy.query.web.tenants;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.query.TenantDetailsView;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One feature of a tenant: whether its plan has it, whether it is on, and the superadmin's override (or null). */
record FeatureRow(String name, String label, boolean inPlan, boolean enabled, Boolean override) {

    static List<FeatureRow> of(TenantDetailsView tenant) {
        Set<Feature> planFeatures = PlanCatalog.terms(tenant.plan()).features();
        Map<Feature, Boolean> overrides = tenant.featureOverrides() == null ? Map.of() : tenant.featureOverrides();
        return Arrays.stream(Feature.values()).map(feature -> new FeatureRow(feature.name(), label(feature),
                planFeatures.contains(feature), tenant.features().contains(feature), overrides.get(feature))).toList();
    }

    /** The override select's value: "" follows the plan, "true" grants, "false" withholds. */
    public String overrideValue() {
        return override == null ? "" : override.toString();
    }

    private static String label(Feature feature) {
        String words = feature.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
