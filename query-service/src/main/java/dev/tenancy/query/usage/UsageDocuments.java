package dev.tenancy.query.usage;

import dev.tenancy.api.plan.Resource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Field names of the usage read model's documents, and how their ids are formed. */
final class UsageDocuments {

    static final String ID = "_id";
    static final String TENANT_ID = "tenantId";
    static final String VERSION = "version";

    static final String CREATED_AT = "createdAt";
    static final String TIMEZONE = "timezone";
    static final String STATUS = "status";
    static final String LIMITS = "limits";

    static final String RESOURCE = "resource";
    static final String USED = "used";
    static final String LIMIT = "limit";
    /** Exact share of the limit in percent; null when unlimited or the limit is 0. Ranks the top list. */
    static final String PERCENT = "percent";
    static final String OVER_LIMIT = "overLimit";
    static final String PERIOD_START = "periodStart";
    static final String PERIOD_END = "periodEnd";
    static final String THRESHOLDS = "thresholds";
    static final String THRESHOLD_PERCENT = "percent";
    static final String THRESHOLD_AT = "at";

    static final String DATE = "date";
    static final String CONSUMED = "consumed";
    static final String RELEASED = "released";

    /** The resources counted against a quota: every resource but the customIntegrations switch. */
    static final List<Resource> COUNTED = Arrays.stream(Resource.values())
            .filter(resource -> resource != Resource.CUSTOM_INTEGRATIONS).toList();

    private UsageDocuments() {
    }

    static String counterId(String tenantId, Resource resource) {
        return tenantId + ":" + resource.key();
    }

    static String dayId(String tenantId, Resource resource, LocalDate date) {
        return tenantId + ":" + resource.key() + ":" + date;
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
