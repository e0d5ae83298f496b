package dev.tenancy.query.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;

import java.util.List;
import java.util.Map;

/**
 * A tenant's features: {@code features} are the effective ones (the plan's, plus overrides switched on, minus
 * overrides switched off), {@code planFeatures} the plan's own, both sorted by name.
 */
public record FeaturesView(Plan plan, List<Feature> features, List<Feature> planFeatures,
                           Map<Feature, Boolean> overrides) {
}
