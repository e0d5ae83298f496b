package dev.tenancy.api.plan;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.tenancy.api.plan.Feature.*;

/** The plans exactly as the product defines them; docs/tenants.md explains the values chosen. */
public final class PlanCatalog {

    private static final long MIB = 1024L * 1024L;
    private static final long GIB = 1024L * MIB;
    private static final Map<Plan, PlanTerms> TERMS = new EnumMap<>(Plan.class);

    static {
        Set<Feature> free = Set.copyOf(EnumSet.of(BASIC_ANALYTICS, COMMUNITY_SUPPORT));
        Set<Feature> starter = with(free, AUTOMATION, API_ACCESS, EMAIL_SUPPORT);
        Set<Feature> professional = with(starter, AB_TESTING, CUSTOM_REPORTS, MULTI_LANGUAGE, PRIORITY_SUPPORT,
                CUSTOM_INTEGRATIONS);
        Set<Feature> enterprise = with(professional, WHITE_LABEL, AI_SUGGESTIONS, SLA_GUARANTEE, DEDICATED_SUPPORT);
        Quota unlimited = Quota.unlimitedQuota();

        TERMS.put(Plan.FREE, new PlanTerms(Plan.FREE, BigDecimal.ZERO, new Limits(
                Quota.of(5), Quota.of(10), Quota.of(1_000), Quota.of(1), Quota.of(500 * MIB), Quota.of(1_000),
                Quota.of(1), false), free));
        TERMS.put(Plan.STARTER, new PlanTerms(Plan.STARTER, new BigDecimal("29"), new Limits(
                Quota.of(20), Quota.of(50), Quota.of(10_000), Quota.of(3), Quota.of(5 * GIB), Quota.of(5_000),
                Quota.of(5), false), starter));
        TERMS.put(Plan.PROFESSIONAL, new PlanTerms(Plan.PROFESSIONAL, new BigDecimal("99"), new Limits(
                Quota.of(100), Quota.of(200), Quota.of(50_000), Quota.of(10), Quota.of(50 * GIB), Quota.of(20_000),
                Quota.of(20), true), professional));
        TERMS.put(Plan.ENTERPRISE, new PlanTerms(Plan.ENTERPRISE, null, new Limits(
                unlimited, unlimited, unlimited, unlimited, unlimited, unlimited, unlimited, true), enterprise));
    }

    private PlanCatalog() {
    }

    public static PlanTerms terms(Plan plan) {
        return TERMS.get(plan);
    }

    public static List<PlanTerms> all() {
        return List.copyOf(TERMS.values());
    }

    /** Plan features, plus overrides switched on, minus overrides switched off. */
    public static Set<Feature> effectiveFeatures(Plan plan, Map<Feature, Boolean> overrides) {
        Set<Feature> result = EnumSet.noneOf(Feature.class);
        result.addAll(terms(plan).features());
        overrides.forEach((feature, enabled) -> {
            if (enabled) {
                result.add(feature);
            } else {
                result.remove(feature);
            }
        });
        return result;
    }

    /** The lowest plan that includes {@code feature}: what to upgrade to when it is missing. */
    public static Plan lowestPlanWith(Feature feature) {
        return java.util.Arrays.stream(Plan.values()).filter(p -> terms(p).features().contains(feature))
                .findFirst().orElse(Plan.ENTERPRISE);
    }

    private static Set<Feature> with(Set<Feature> base, Feature... more) {
        Set<Feature> result = EnumSet.copyOf(base);
        result.addAll(List.of(more));
        return Set.copyOf(result);
    }
}
