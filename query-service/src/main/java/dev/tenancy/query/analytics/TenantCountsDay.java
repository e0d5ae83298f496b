package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;

import java.time.LocalDate;
import java.util.Map;

/**
 * The tenants at the end of a UTC day: {@code total} and {@code byPlan} count those not deleted, {@code byStatus}
 * every tenant ever created (DELETED included).
 */
public record TenantCountsDay(LocalDate date, long total, Map<Plan, Long> byPlan, Map<TenantStatus, Long> byStatus) {
}
