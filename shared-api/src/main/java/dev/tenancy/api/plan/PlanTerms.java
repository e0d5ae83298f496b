package dev.tenancy.api.plan;

import java.math.BigDecimal;
import java.util.Set;

/** What a plan gives: its monthly price in USD (null for custom pricing), limits and features. */
public record PlanTerms(Plan plan, BigDecimal monthlyPriceUsd, Limits limits, Set<Feature> features) {

    public boolean customPricing() {
        return monthlyPriceUsd == null;
    }
}
