package dev.tenancy.query.plan;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Plan;

import java.math.BigDecimal;
import java.util.List;

/** One plan of the catalog: price per month in USD (null with custom pricing), limits, features sorted by name. */
public record PlanView(Plan plan, BigDecimal monthlyPriceUsd, boolean customPricing, Limits limits,
                       List<Feature> features) {
}
