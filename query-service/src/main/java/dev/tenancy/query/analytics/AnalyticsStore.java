package dev.tenancy.query.analytics;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.query.replay.ReadModelCollections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.tenancy.query.analytics.AnalyticsDocuments.*;

/**
 * The analytics read model, written per tenant and summed across tenants when read:
 * {@code analytics_tenants} (each tenant's plan and status now), {@code analytics_tenant_days} (each tenant's plan
 * and status at the start and end of every UTC day on which they changed) and {@code analytics_usage_days} (each
 * tenant's consumption and releases per resource and UTC day). No document is shared by two tenants, so every write
 * can be guarded by the tenant's own sequence numbers, and no total can be counted twice. Every document names its
 * tenant in {@code tenantId}. The collections are reached through {@link ReadModelCollections} on every operation,
 * so readers follow a rebuild's switch at once.
 */
@Component
public class AnalyticsStore {

    static final String TENANTS = "analytics_tenants";
    static final String TENANT_DAYS = "analytics_tenant_days";
    static final String USAGE_DAYS = "analytics_usage_days";

    /** What {@link TenantLifecycleProjection} writes. */
    static final List<String> LIFECYCLE = List.of(TENANTS, TENANT_DAYS);
    /** What {@link UsageTotalsProjection} writes. */
    static final List<String> USAGE = List.of(USAGE_DAYS);

    final GuardedCollection tenants;
    final GuardedCollection tenantDays;
    final GuardedCollection usageDays;

    @Autowired
    public AnalyticsStore(ReadModelCollections collections) {
        this(collections, List.of(TENANTS, TENANT_DAYS, USAGE_DAYS));
    }

    /**
     * A store that creates indexes only in {@code indexed}: a rebuild binds other logical names to themselves, and
     * an index created there would bring back a collection that an earlier switch retired.
     */
    private AnalyticsStore(ReadModelCollections collections, List<String> indexed) {
        tenants = new GuardedCollection(collections, TENANTS);
        tenantDays = new GuardedCollection(collections, TENANT_DAYS);
        usageDays = new GuardedCollection(collections, USAGE_DAYS);
        // the stand-in ignores non-unique indexes; real MongoDB serves the date-range reads by them
        if (indexed.contains(TENANT_DAYS)) {
            tenantDays.collection().createIndex(Indexes.ascending(DATE));
        }
        if (indexed.contains(USAGE_DAYS)) {
            usageDays.collection().createIndex(Indexes.ascending(RESOURCE, DATE));
            usageDays.collection().createIndex(Indexes.ascending(DATE));
        }
    }

    /** The store a rebuild of {@link TenantLifecycleProjection} writes through. */
    static AnalyticsStore lifecycle(ReadModelCollections collections) {
        return new AnalyticsStore(collections, LIFECYCLE);
    }

    /** The store a rebuild of {@link UsageTotalsProjection} writes through. */
    static AnalyticsStore usage(ReadModelCollections collections) {
        return new AnalyticsStore(collections, USAGE);
    }

    Optional<Document> tenant(String tenantId) {
        return tenants.find(tenantId);
    }

    Map<String, Document> tenants(Collection<String> tenantIds) {
        Map<String, Document> found = new HashMap<>();
        tenants.collection().find(Filters.in(ID, tenantIds)).forEach(tenant -> found.put(tenant.getString(ID), tenant));
        return found;
    }

    /** Every change of plan or status dated up to {@code to} (all of them when null), counted per day and kind. */
    List<TransitionCount> transitionsUntil(LocalDate to) {
        List<Bson> pipeline = new ArrayList<>();
        if (to != null) {
            pipeline.add(Aggregates.match(Filters.lte(DATE, to.toString())));
        }
        pipeline.add(Aggregates.group(new Document(DATE, "$" + DATE).append(BEFORE, "$" + BEFORE)
                .append(AFTER, "$" + AFTER), Accumulators.sum(TENANT_COUNT, 1)));
        List<TransitionCount> transitions = new ArrayList<>();
        tenantDays.collection().aggregate(pipeline).forEach(group -> {
            Document key = group.get(ID, Document.class);
            transitions.add(new TransitionCount(LocalDate.parse(key.getString(DATE)),
                    PlanStatus.parse(key.getString(BEFORE)), PlanStatus.parse(key.getString(AFTER)),
                    number(group.get(TENANT_COUNT))));
        });
        return transitions;
    }

    /**
     * Per day and resource from {@code from} to {@code to}: consumed, released and the number of tenants that did
     * either. Only days with activity.
     */
    List<Document> usageTotals(LocalDate from, LocalDate to, Resource resource) {
        List<Bson> match = new ArrayList<>(List.of(Filters.gte(DATE, from.toString()), Filters.lte(DATE, to.toString())));
        if (resource != null) {
            match.add(0, Filters.eq(RESOURCE, resource.key()));
        }
        List<Document> groups = new ArrayList<>();
        usageDays.collection().aggregate(List.of(Aggregates.match(Filters.and(match)),
                Aggregates.group(new Document(DATE, "$" + DATE).append(RESOURCE, "$" + RESOURCE),
                        Accumulators.sum(CONSUMED, "$" + CONSUMED), Accumulators.sum(RELEASED, "$" + RELEASED),
                        Accumulators.sum(TENANT_COUNT, 1)))).into(groups);
        return groups;
    }

    /**
     * The {@code limit} tenants that consumed most of {@code resource} from {@code from} to {@code to}, most first,
     * ties by tenant id: {@code _id} the tenant, its {@code consumed} and {@code released}, and on how many days it
     * consumed any.
     */
    List<Document> topConsumers(Resource resource, LocalDate from, LocalDate to, int limit) {
        List<Document> top = new ArrayList<>();
        usageDays.collection().aggregate(List.of(
                Aggregates.match(Filters.and(Filters.eq(RESOURCE, resource.key()),
                        Filters.gte(DATE, from.toString()), Filters.lte(DATE, to.toString()),
                        Filters.gt(CONSUMED, 0L))),
                Aggregates.group("$" + TENANT_ID, Accumulators.sum(CONSUMED, "$" + CONSUMED),
                        Accumulators.sum(RELEASED, "$" + RELEASED), Accumulators.sum(ACTIVE_DAYS, 1)),
                Aggregates.sort(Sorts.orderBy(Sorts.descending(CONSUMED), Sorts.ascending(ID))),
                Aggregates.limit(limit))).into(top);
        return top;
    }

    /** Every analytics document by logical collection and id: what replay tests compare. */
    public Map<String, List<Document>> findAllDocuments() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (GuardedCollection documents : List.of(tenants, tenantDays, usageDays)) {
            all.put(documents.name(), documents.all());
        }
        return all;
    }

    /** Only for rebuilding the tenant counts from the event store. */
    void deleteLifecycle() {
        tenants.deleteAll();
        tenantDays.deleteAll();
    }

    /** Only for rebuilding the usage totals from the event store. */
    void deleteUsage() {
        usageDays.deleteAll();
    }
}
