package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Plan;

import java.math.BigDecimal;

/** One plan's share of MRR now; {@code monthlyPriceUsd} is null for custom pricing, whose MRR counts as 0. */
public record PlanRevenue(Plan plan, BigDecimal monthlyPriceUsd, long activeTenants, long suspendedTenants,
                          BigDecimal mrrUsd, BigDecimal suspendedMrrUsd) {
}
