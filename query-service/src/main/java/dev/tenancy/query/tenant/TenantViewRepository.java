package dev.tenancy.query.tenant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.tenant.query.TenantView;
import dev.tenancy.query.replay.ReadModelCollections;
import dev.tenancy.query.usage.VersionedDocuments;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.tenancy.query.tenant.TenantDocuments.*;

/**
 * The tenants read model, one document per tenant keyed by its id. Every write is guarded by the aggregate version,
 * so applying an event twice (a replay, a redelivery after a crash) changes nothing: the projection is idempotent.
 * The collection is looked up on every call, so a rebuild's switch to new collections takes effect at once.
 */
@Component
public class TenantViewRepository {

    public static final String COLLECTION = "tenants";

    private final ReadModelCollections collections;

    public TenantViewRepository(ReadModelCollections collections) {
        this.collections = collections;
        MongoCollection<Document> tenants = tenants();
        // the stand-in ignores non-unique indexes; real MongoDB serves the lookups and the superadmin search by them
        tenants.createIndex(Indexes.ascending(TENANT_ID));
        tenants.createIndex(Indexes.ascending(SLUG));
        tenants.createIndex(Indexes.ascending(DOMAINS + "." + DOMAIN));
        tenants.createIndex(Indexes.descending(CREATED_AT));
    }

    public Optional<TenantView> find(TenantId tenantId) {
        return findDocument(tenantId).map(TenantDocuments::toView);
    }

    public Optional<TenantDetailsView> findDetails(TenantId tenantId) {
        return findDocument(tenantId).map(TenantDocuments::toDetails);
    }

    /** The stored document as it is: what the projection builds on, and what replay tests compare. */
    public Optional<Document> findDocument(TenantId tenantId) {
        return Optional.ofNullable(tenants().find(new BsonDocument(ID, new BsonString(tenantId.value()))).first());
    }

    /** Superadmin and maintenance use only: every tenant's document, in id order. */
    public List<Document> findAllDocumentsOfAllTenants() {
        return tenants().find().sort(Indexes.ascending(ID)).into(new ArrayList<>());
    }

    public void create(TenantCreatedEvent event, long version) {
        Document document = new Document(ID, event.tenantId())
                .append(TENANT_ID, event.tenantId())
                .append(NAME, event.name())
                .append(SORT_NAME, event.name().toLowerCase(Locale.ROOT))
                .append(SLUG, event.slug())
                .append(PLAN, event.plan().name())
                .append(PLAN_RANK, event.plan().ordinal())
                .append(STATUS, TenantStatus.ACTIVE.name())
                .append(STATUS_REASON, null)
                .append(LIMITS, LimitsCodec.toDocument(event.limits()))
                .append(PLAN_LIMITS, LimitsCodec.toDocument(event.limits()))
                .append(LIMIT_OVERRIDES, LimitsCodec.toDocument(LimitOverrides.none()))
                .append(FEATURES, featureNames(PlanCatalog.effectiveFeatures(event.plan(), Map.of())))
                .append(FEATURE_OVERRIDES, new Document())
                .append(OVER_LIMIT, List.of())
                .append(USAGE, new Document())
                .append(SETTINGS, new Document())
                .append(BRANDING, new Document())
                .append(DOMAINS, List.of())
                .append(CREATED_AT, date(event.createdAt()))
                .append(DELETED_AT, null)
                .append(RESERVED_UNTIL, null)
                .append(VERSION, version);
        try {
            tenants().replaceOne(newerThanStored(TenantId.of(event.tenantId()), version), document,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // the document exists at this version or later: the event was applied before
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Applies {@code changes} and records that the tenant reached {@code version}; older versions change nothing. */
    public void advance(TenantId tenantId, long version, List<Bson> changes) {
        Bson update = Updates.combine(Updates.combine(changes), Updates.set(VERSION, version));
        tenants().updateOne(newerThanStored(tenantId, version), update);
    }

    /** Empties the whole read model, every tenant: only for rebuilding it from the event store. */
    public void deleteAllTenants() {
        tenants().deleteMany(new Document());
    }

    private MongoCollection<Document> tenants() {
        return collections.get(COLLECTION);
    }

    private static Bson newerThanStored(TenantId tenantId, long version) {
        return VersionedDocuments.newerThanStored(tenantId.value(), version);
    }
}
