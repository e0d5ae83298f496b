package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Resource;

import java.time.LocalDate;

/** Field names of the analytics read model's documents, and how their ids are formed. */
final class AnalyticsDocuments {

    static final String ID = "_id";
    static final String VERSION = "version";
    static final String TENANT_ID = "tenantId";
    static final String DATE = "date";

    static final String NAME = "name";
    static final String SLUG = "slug";
    static final String PLAN = "plan";
    static final String STATUS = "status";
    /** The UTC day of the tenant's latest lifecycle change: no later change is dated before it. */
    static final String LAST_DAY = "lastDay";

    /** Plan and status at the start of the day ({@code PLAN:STATUS}); null on the day the tenant was created. */
    static final String BEFORE = "before";
    /** Plan and status at the end of the day. */
    static final String AFTER = "after";

    static final String RESOURCE = "resource";
    static final String CONSUMED = "consumed";
    static final String RELEASED = "released";
    /** Read-side sums only: how many tenants a day's total covers, on how many days a tenant consumed. */
    static final String TENANT_COUNT = "tenants";
    static final String ACTIVE_DAYS = "activeDays";

    private AnalyticsDocuments() {
    }

    static String tenantDayId(String tenantId, LocalDate date) {
        return tenantId + ":" + date;
    }

    static String usageDayId(String tenantId, Resource resource, LocalDate date) {
        return tenantId + ":" + resource.key() + ":" + date;
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
