package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;

/** Where a tenant stands for the counts: its plan and its status, stored as {@code PLAN:STATUS}. */
record PlanStatus(Plan plan, TenantStatus status) {

    String key() {
        return plan.name() + ":" + status.name();
    }

    PlanStatus withPlan(Plan newPlan) {
        return new PlanStatus(newPlan, status);
    }

    PlanStatus withStatus(TenantStatus newStatus) {
        return new PlanStatus(plan, newStatus);
    }

    /** Null for null: a tenant that did not exist yet. */
    static PlanStatus parse(String key) {
        if (key == null) {
            return null;
        }
        int colon = key.indexOf(':');
        return new PlanStatus(Plan.valueOf(key.substring(0, colon)), TenantStatus.valueOf(key.substring(colon + 1)));
    }
}
