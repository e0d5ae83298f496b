package dev.tenancy.query.usage;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.query.replay.ReadModelCollections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.tenancy.query.usage.UsageDocuments.*;

/**
 * The usage read model: per tenant its limits and period anchor ({@code usage_tenants}), one counter per counted
 * resource ({@code usage_counters}) and daily totals ({@code usage_daily}). Every document names its tenant and
 * every index leads with it.
 */
@Component
public class UsageStore {

    public static final String TENANTS = "usage_tenants";
    public static final String COUNTERS = "usage_counters";
    public static final String DAYS = "usage_daily";

    final VersionedDocuments tenants;
    final VersionedDocuments counters;
    final VersionedDocuments days;

    public UsageStore(ReadModelCollections collections) {
        tenants = new VersionedDocuments(collections, TENANTS);
        counters = new VersionedDocuments(collections, COUNTERS);
        days = new VersionedDocuments(collections, DAYS);
        // the stand-in ignores non-unique indexes; real MongoDB serves the tenant-scoped reads by them
        tenants.collection().createIndex(Indexes.ascending(TENANT_ID));
        counters.collection().createIndex(Indexes.ascending(TENANT_ID, RESOURCE));
        days.collection().createIndex(Indexes.ascending(TENANT_ID, RESOURCE, DATE));
    }

    Optional<Document> tenant(TenantId tenantId) {
        return tenants.find(tenantId.value());
    }

    Map<Resource, Document> counters(TenantId tenantId) {
        Map<Resource, Document> result = new EnumMap<>(Resource.class);
        counters.collection().find(Filters.eq(TENANT_ID, tenantId.value())).forEach(document ->
                Resource.fromKey(document.getString(RESOURCE)).ifPresent(resource -> result.put(resource, document)));
        return result;
    }

    /** Superadmin use only: one resource's counter of every tenant. */
    List<Document> countersOfAllTenants(Resource resource) {
        return counters.collection().find(Filters.eq(RESOURCE, resource.key())).into(new ArrayList<>());
    }

    /** The tenant's daily documents of a resource from {@code from} to {@code to}, both included, by date. */
    List<Document> days(TenantId tenantId, Resource resource, LocalDate from, LocalDate to) {
        return days.collection().find(Filters.and(Filters.eq(TENANT_ID, tenantId.value()),
                        Filters.eq(RESOURCE, resource.key()),
                        Filters.gte(DATE, from.toString()), Filters.lte(DATE, to.toString())))
                .sort(Sorts.ascending(DATE)).into(new ArrayList<>());
    }

    /** The tenant's last daily document of a resource before {@code date}: where a chart's level starts from. */
    Optional<Document> lastDayBefore(TenantId tenantId, Resource resource, LocalDate date) {
        return Optional.ofNullable(days.collection().find(Filters.and(Filters.eq(TENANT_ID, tenantId.value()),
                        Filters.eq(RESOURCE, resource.key()), Filters.lt(DATE, date.toString())))
                .sort(Sorts.descending(DATE)).first());
    }

    /** Every usage document of every tenant by logical collection and id: what replay tests compare. */
    public Map<String, List<Document>> findAllDocumentsOfAllTenants() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (VersionedDocuments documents : List.of(tenants, counters, days)) {
            all.put(documents.name(),
                    documents.collection().find().sort(Sorts.ascending(ID)).into(new ArrayList<>()));
        }
        return all;
    }

    /** Empties the whole usage read model, every tenant: only for rebuilding it from the event store. */
    void deleteAllTenants() {
        tenants.deleteAll();
        counters.deleteAll();
        days.deleteAll();
    }
}
