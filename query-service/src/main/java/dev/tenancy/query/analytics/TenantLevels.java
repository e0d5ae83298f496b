package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.PlanTerms;
import dev.tenancy.api.tenant.TenantStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many tenants stand at each plan and status, moved on one day's transitions at a time; and what follows from
 * that for the counts and for MRR. Prices are the plan catalog's list prices: the catalog is code, not events, so a
 * rebuild prices every day of the past at today's prices too.
 */
final class TenantLevels {

    private final Map<PlanStatus, Long> tenants = new HashMap<>();

    void apply(TransitionCount transition) {
        if (transition.before() != null) {
            tenants.merge(transition.before(), -transition.tenants(), Long::sum);
        }
        tenants.merge(transition.after(), transition.tenants(), Long::sum);
    }

    long count(Plan plan, TenantStatus status) {
        return tenants.getOrDefault(new PlanStatus(plan, status), 0L);
    }

    TenantCountsDay counts(LocalDate date) {
        Map<Plan, Long> byPlan = new EnumMap<>(Plan.class);
        Map<TenantStatus, Long> byStatus = new EnumMap<>(TenantStatus.class);
        for (TenantStatus status : TenantStatus.values()) {
            byStatus.put(status, 0L);
        }
        long total = 0;
        for (Plan plan : Plan.values()) {
            long live = count(plan, TenantStatus.ACTIVE) + count(plan, TenantStatus.SUSPENDED);
            byPlan.put(plan, live);
            total += live;
            for (TenantStatus status : TenantStatus.values()) {
                byStatus.merge(status, count(plan, status), Long::sum);
            }
        }
        return new TenantCountsDay(date, total, byPlan, byStatus);
    }

    MrrDay mrr(LocalDate date) {
        MrrCurrent now = mrr();
        Map<Plan, BigDecimal> byPlan = new EnumMap<>(Plan.class);
        now.byPlan().forEach(plan -> byPlan.put(plan.plan(), plan.mrrUsd()));
        return new MrrDay(date, now.mrrUsd(), now.suspendedMrrUsd(), now.payingTenants(), now.customPricedTenants(),
                byPlan);
    }

    MrrCurrent mrr() {
        List<PlanRevenue> plans = new ArrayList<>();
        BigDecimal mrr = BigDecimal.ZERO;
        BigDecimal onHold = BigDecimal.ZERO;
        long paying = 0;
        long customPriced = 0;
        for (Plan plan : Plan.values()) {
            PlanTerms terms = PlanCatalog.terms(plan);
            long active = count(plan, TenantStatus.ACTIVE);
            long suspended = count(plan, TenantStatus.SUSPENDED);
            BigDecimal price = terms.customPricing() ? BigDecimal.ZERO : terms.monthlyPriceUsd();
            BigDecimal planMrr = price.multiply(BigDecimal.valueOf(active));
            BigDecimal planOnHold = price.multiply(BigDecimal.valueOf(suspended));
            plans.add(new PlanRevenue(plan, terms.monthlyPriceUsd(), active, suspended, planMrr, planOnHold));
            mrr = mrr.add(planMrr);
            onHold = onHold.add(planOnHold);
            if (terms.customPricing()) {
                customPriced += active;
            } else if (price.signum() > 0) {
                paying += active;
            }
        }
        return new MrrCurrent(mrr, onHold, paying, customPriced, List.copyOf(plans));
    }
}
