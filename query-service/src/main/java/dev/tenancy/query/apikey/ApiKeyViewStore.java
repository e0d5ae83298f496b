package dev.tenancy.query.apikey;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.tenancy.api.apikey.ApiKeyCreatedEvent;
import dev.tenancy.api.apikey.query.ApiKeyListView;
import dev.tenancy.api.apikey.query.ApiKeyView;
import dev.tenancy.query.replay.ReadModelCollections;
import dev.tenancy.query.usage.VersionedDocuments;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API key read model: one document per key ({@code api_key_views}: prefix, name, scopes, createdAt, revoked,
 * revokedAt) and per tenant the aggregate version it reflects ({@code api_key_tenants}), so a reader can wait for the
 * version a command answered. Every write is applied only to a document that has not seen its event yet
 * ({@code version < sequence}); an upsert that collides with a newer document is that "already applied" answer.
 */
@Component
public class ApiKeyViewStore {

    static final String KEYS = "api_key_views";
    static final String TENANTS = "api_key_tenants";
    private static final String ID = "_id";
    private static final String TENANT_ID = "tenantId";
    private static final String VERSION = "version";
    private static final String PREFIX = "prefix";
    private static final String NAME = "name";
    private static final String SCOPES = "scopes";
    private static final String CREATED_AT = "createdAt";
    private static final String REVOKED = "revoked";
    private static final String REVOKED_AT = "revokedAt";

    private final ReadModelCollections collections;

    public ApiKeyViewStore(ReadModelCollections collections) {
        this.collections = collections;
        keys().createIndex(Indexes.ascending(TENANT_ID, CREATED_AT));
    }

    /** Looked up on every call, so a rebuild's switch to new collections takes effect at once. */
    private MongoCollection<Document> keys() {
        return collections.get(KEYS);
    }

    private MongoCollection<Document> tenants() {
        return collections.get(TENANTS);
    }

    void created(ApiKeyCreatedEvent event, long sequence) {
        ignoringApplied(() -> keys().replaceOne(unapplied(event.keyId(), sequence), new Document(ID, event.keyId())
                .append(TENANT_ID, event.tenantId())
                .append(PREFIX, event.prefix())
                .append(NAME, event.name())
                .append(SCOPES, List.copyOf(event.scopes()))
                .append(CREATED_AT, Date.from(event.createdAt()))
                .append(REVOKED, false)
                .append(REVOKED_AT, null)
                .append(VERSION, sequence), new ReplaceOptions().upsert(true)));
    }

    void revoked(String keyId, long sequence, Instant at) {
        keys().updateOne(unapplied(keyId, sequence), Updates.combine(Updates.set(REVOKED, true),
                Updates.set(REVOKED_AT, Date.from(at)), Updates.set(VERSION, sequence)));
    }

    /** Last for every event, so a reader that sees the tenant at a version also sees the keys it changed. */
    void advance(String tenantId, long sequence) {
        ignoringApplied(() -> tenants().updateOne(unapplied(tenantId, sequence),
                Updates.combine(Updates.set(TENANT_ID, tenantId), Updates.set(VERSION, sequence)),
                new UpdateOptions().upsert(true)));
    }

    /** The tenant's keys, newest first; empty for a tenant this model has not seen. */
    Optional<ApiKeyListView> view(String tenantId) {
        Document tenant = tenants().find(Filters.eq(ID, tenantId)).first();
        if (tenant == null) {
            return Optional.empty();
        }
        List<ApiKeyView> views = new ArrayList<>();
        keys().find(Filters.eq(TENANT_ID, tenantId)).sort(Sorts.orderBy(Sorts.descending(CREATED_AT),
                Sorts.ascending(ID))).forEach(key -> views.add(new ApiKeyView(key.getString(ID),
                key.getString(PREFIX), key.getString(NAME), key.getList(SCOPES, String.class, List.of()),
                instant(key.getDate(CREATED_AT)), key.getBoolean(REVOKED, false), instant(key.getDate(REVOKED_AT)))));
        return Optional.of(new ApiKeyListView(tenantId, ((Number) tenant.get(VERSION)).longValue(), views));
    }

    /** Every document of every tenant by collection, sorted by id: what replay tests compare. */
    public Map<String, List<Document>> findAllDocumentsOfAllTenants() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        all.put(KEYS, keys().find().sort(Sorts.ascending(ID)).into(new ArrayList<>()));
        all.put(TENANTS, tenants().find().sort(Sorts.ascending(ID)).into(new ArrayList<>()));
        return all;
    }

    /** Empties the whole model, every tenant: only for rebuilding it from the event store. */
    void deleteAllTenants() {
        keys().deleteMany(new Document());
        tenants().deleteMany(new Document());
    }

    private static Bson unapplied(String id, long sequence) {
        return VersionedDocuments.newerThanStored(id, sequence);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static void ignoringApplied(Runnable write) {
        try {
            write.run();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
