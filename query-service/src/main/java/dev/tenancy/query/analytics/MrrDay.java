package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Monthly recurring revenue in USD at the end of a UTC day: active tenants at their plan's list price. Suspended
 * tenants' revenue is on hold ({@code suspendedMrrUsd}), active custom-priced tenants are counted, not priced.
 */
public record MrrDay(LocalDate date, BigDecimal mrrUsd, BigDecimal suspendedMrrUsd, long payingTenants,
                     long customPricedTenants, Map<Plan, BigDecimal> byPlan) {
}
