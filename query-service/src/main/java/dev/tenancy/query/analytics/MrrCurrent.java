package dev.tenancy.query.analytics;

import java.math.BigDecimal;
import java.util.List;

/** MRR after every lifecycle event projected so far, by plan in plan order. */
public record MrrCurrent(BigDecimal mrrUsd, BigDecimal suspendedMrrUsd, long payingTenants, long customPricedTenants,
                         List<PlanRevenue> byPlan) {
}
