package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantStatus;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.tenancy.query.analytics.AnalyticsDocuments.*;

/** Usage totals per resource and day, and the tenants that consumed most, summed from the per-tenant buckets. */
@Component
public class UsageAnalytics {

    /** The resources counted against a quota: every resource but the customIntegrations switch. */
    static final List<Resource> COUNTED = Arrays.stream(Resource.values())
            .filter(resource -> resource != Resource.CUSTOM_INTEGRATIONS).toList();

    private final AnalyticsStore store;

    public UsageAnalytics(AnalyticsStore store) {
        this.store = store;
    }

    /** {@code resource} null: every counted resource. */
    UsageTotalsView totals(DateRange range, Resource resource) {
        Map<String, Document> active = new HashMap<>();
        store.usageTotals(range.from(), range.to(), resource).forEach(group -> {
            Document key = group.get(ID, Document.class);
            active.put(key.getString(RESOURCE) + ":" + key.getString(DATE), group);
        });
        List<ResourceTotals> resources = new ArrayList<>();
        for (Resource listed : resource == null ? COUNTED : List.of(resource)) {
            List<ResourceDay> days = new ArrayList<>();
            long consumed = 0;
            long released = 0;
            for (LocalDate date : range.days()) {
                Document group = active.get(listed.key() + ":" + date);
                ResourceDay day = group == null ? new ResourceDay(date, 0, 0, 0) : new ResourceDay(date,
                        number(group.get(CONSUMED)), number(group.get(RELEASED)), number(group.get(TENANT_COUNT)));
                consumed += day.consumed();
                released += day.released();
                days.add(day);
            }
            resources.add(new ResourceTotals(listed.key(), consumed, released, List.copyOf(days)));
        }
        return new UsageTotalsView(range.from(), range.to(), List.copyOf(resources));
    }

    TopTenantsView top(DateRange range, Resource resource, int limit) {
        List<Document> top = store.topConsumers(resource, range.from(), range.to(), limit);
        Map<String, Document> tenants = store.tenants(top.stream().map(group -> group.getString(ID)).toList());
        List<TopTenant> items = top.stream().map(group -> {
            String tenantId = group.getString(ID);
            Document tenant = tenants.get(tenantId);
            return new TopTenant(tenantId, tenant == null ? null : tenant.getString(SLUG),
                    tenant == null ? null : tenant.getString(NAME),
                    tenant == null ? null : Plan.valueOf(tenant.getString(PLAN)),
                    tenant == null ? null : TenantStatus.valueOf(tenant.getString(STATUS)),
                    number(group.get(CONSUMED)), number(group.get(RELEASED)), number(group.get(ACTIVE_DAYS)));
        }).toList();
        return new TopTenantsView(resource.key(), range.from(), range.to(), items);
    }
}
