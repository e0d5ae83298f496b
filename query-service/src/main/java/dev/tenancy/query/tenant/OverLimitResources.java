package dev.tenancy.query.tenant;

import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import org.bson.Document;

import java.util.Arrays;
import java.util.List;

/**
 * The resources a tenant uses more of than its limits allow, from the amounts in use the tenants model keeps beside
 * the limits. apiCallsPerHour is left out: its hours are recorded once closed, so it is never over "now".
 */
final class OverLimitResources {

    private OverLimitResources() {
    }

    static List<String> of(Limits limits, Document used) {
        return Arrays.stream(Resource.values())
                .filter(resource -> resource != Resource.CUSTOM_INTEGRATIONS
                        && resource != Resource.API_CALLS_PER_HOUR)
                .filter(resource -> {
                    Quota quota = limits.quota(resource);
                    Object amount = used.get(resource.key());
                    return !quota.unlimited() && amount != null && ((Number) amount).longValue() > quota.max();
                })
                .map(Resource::key)
                .toList();
    }
}
