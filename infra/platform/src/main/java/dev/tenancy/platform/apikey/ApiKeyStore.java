package dev.tenancy.platform.apikey;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys every service authenticates against, in {@code <database>.api_keys} of the shared database:
 * {@code {_id: keyId, prefix, hash, tenantId, scopes, state, createdAt, lastUsedAt}}. A request finds its key by the
 * prefix (unique index); the hash is SHA-256 of the whole key (see {@link ApiKeyFormat}), never the key itself.
 * Only the command side writes keys; both sides record when a key was last used.
 */
public class ApiKeyStore {

    public static final String COLLECTION = "api_keys";
    static final String ID = "_id";
    static final String PREFIX = "prefix";
    static final String HASH = "hash";
    static final String TENANT_ID = "tenantId";
    static final String SCOPES = "scopes";
    static final String STATE = "state";
    static final String CREATED_AT = "createdAt";
    static final String LAST_USED_AT = "lastUsedAt";

    private final MongoCollection<Document> keys;

    public ApiKeyStore(MongoClient client, String database) {
        this.keys = client.getDatabase(database).getCollection(COLLECTION);
        keys.createIndex(Indexes.ascending(PREFIX), new IndexOptions().unique(true));
        keys.createIndex(Indexes.ascending(TENANT_ID));
    }

    /** Stores a key that does not authenticate yet; false when its prefix (or id) is taken by another key. */
    public boolean insertPending(String keyId, NewApiKey key, String tenantId, Set<String> scopes, Instant now) {
        try {
            keys.insertOne(new Document(ID, keyId)
                    .append(PREFIX, key.prefix())
                    .append(HASH, key.hash())
                    .append(TENANT_ID, tenantId)
                    .append(SCOPES, List.copyOf(scopes))
                    .append(STATE, ApiKeyState.PENDING.stored())
                    .append(CREATED_AT, Date.from(now))
                    .append(LAST_USED_AT, null));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The key's creation is decided: from now on it authenticates. */
    public void activate(String keyId) {
        keys.updateOne(Filters.and(Filters.eq(ID, keyId), Filters.eq(STATE, ApiKeyState.PENDING.stored())),
                Updates.set(STATE, ApiKeyState.ACTIVE.stored()));
    }

    /** The key's creation was refused: its record goes. */
    public void discardPending(String keyId) {
        keys.deleteOne(Filters.and(Filters.eq(ID, keyId), Filters.eq(STATE, ApiKeyState.PENDING.stored())));
    }

    /** The key stops authenticating at once; only the tenant's own keys are touched. */
    public void revoke(String tenantId, String keyId) {
        keys.updateOne(Filters.and(Filters.eq(ID, keyId), Filters.eq(TENANT_ID, tenantId)),
                Updates.set(STATE, ApiKeyState.REVOKED.stored()));
    }

    public Optional<StoredApiKey> findByPrefix(String prefix) {
        return Optional.ofNullable(keys.find(Filters.eq(PREFIX, prefix)).first()).map(ApiKeyStore::toKey);
    }

    public Optional<StoredApiKey> findById(String keyId) {
        return Optional.ofNullable(keys.find(Filters.eq(ID, keyId)).first()).map(ApiKeyStore::toKey);
    }

    /** Moves the key's last use forward to {@code at}; never backwards, whichever instance writes last. */
    public void touch(String keyId, Instant at) {
        Date when = Date.from(at);
        keys.updateOne(Filters.and(Filters.eq(ID, keyId),
                        Filters.or(Filters.eq(LAST_USED_AT, null), Filters.lt(LAST_USED_AT, when))),
                Updates.set(LAST_USED_AT, when));
    }

    /** When each of the tenant's keys was last used, by key id; keys never used are left out. */
    public Map<String, Instant> lastUsed(String tenantId) {
        Map<String, Instant> result = new HashMap<>();
        keys.find(Filters.eq(TENANT_ID, tenantId)).projection(Projections.include(LAST_USED_AT))
                .forEach(document -> {
                    Date used = document.getDate(LAST_USED_AT);
                    if (used != null) {
                        result.put(document.getString(ID), used.toInstant());
                    }
                });
        return result;
    }

    private static StoredApiKey toKey(Document document) {
        Date created = document.getDate(CREATED_AT);
        Date used = document.getDate(LAST_USED_AT);
        return new StoredApiKey(document.getString(ID), document.getString(PREFIX), document.getString(HASH),
                document.getString(TENANT_ID), new HashSet<>(document.getList(SCOPES, String.class, List.of())),
                ApiKeyState.fromStored(document.getString(STATE)), created == null ? null : created.toInstant(),
                used == null ? null : used.toInstant());
    }
}
