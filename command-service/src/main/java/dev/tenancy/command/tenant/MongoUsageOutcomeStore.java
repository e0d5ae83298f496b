package dev.tenancy.command.tenant;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.usage.UsageOutcome;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Collection {@code usage_outcomes}, one document per tenant and key ({@code _id = tenantId/key}). Real MongoDB
 * drops entries through the TTL index; the embedded stand-in ignores it, so {@link UsageOutcomeCleanup} deletes
 * them too, and {@link #find} never answers an entry past the key memory even before either has run.
 */
@Component
public class MongoUsageOutcomeStore implements UsageOutcomeStore {

    private static final String DECIDED_AT = "decidedAt";
    private final MongoCollection<Document> outcomes;
    private final Clock clock;

    public MongoUsageOutcomeStore(MongoClient client, EventStoreProperties properties, Clock clock) {
        this.outcomes = client.getDatabase(properties.serviceDatabase()).getCollection("usage_outcomes");
        this.clock = clock;
        outcomes.createIndex(Indexes.ascending(DECIDED_AT),
                new IndexOptions().expireAfter(UsageLedger.KEY_MEMORY.toSeconds(), TimeUnit.SECONDS));
    }

    @Override
    public Optional<UsageOutcome> find(String tenantId, String key) {
        Date horizon = Date.from(clock.instant().minus(UsageLedger.KEY_MEMORY));
        Document found = outcomes.find(Filters.and(Filters.eq("_id", id(tenantId, key)),
                Filters.gte(DECIDED_AT, horizon))).first();
        return Optional.ofNullable(found).map(MongoUsageOutcomeStore::toOutcome);
    }

    @Override
    public Map<String, UsageOutcome> findAll(String tenantId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Date horizon = Date.from(clock.instant().minus(UsageLedger.KEY_MEMORY));
        List<String> ids = keys.stream().map(key -> id(tenantId, key)).toList();
        Map<String, UsageOutcome> found = new HashMap<>();
        outcomes.find(Filters.and(Filters.in("_id", ids), Filters.gte(DECIDED_AT, horizon)))
                .forEach(document -> found.put(document.getString("key"), toOutcome(document)));
        return found;
    }

    @Override
    public void save(String tenantId, String key, UsageOutcome outcome, Instant decidedAt) {
        Document document = document(tenantId, key, outcome, decidedAt);
        outcomes.replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
    }

    @Override
    public void saveAll(String tenantId, List<DecidedOutcome> decided) {
        if (decided.isEmpty()) {
            return;
        }
        outcomes.bulkWrite(decided.stream().map(d -> document(tenantId, d.key(), d.outcome(), d.decidedAt()))
                .map(document -> new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
                        new ReplaceOptions().upsert(true)))
                .toList(), new BulkWriteOptions().ordered(false));
    }

    private static Document document(String tenantId, String key, UsageOutcome outcome, Instant decidedAt) {
        Quota limit = outcome.limit();
        return new Document("_id", id(tenantId, key))
                .append("tenantId", tenantId)
                .append("key", key)
                .append("accepted", outcome.accepted())
                .append("resource", outcome.resource().key())
                .append("requested", outcome.requested())
                .append("applied", outcome.applied())
                .append("used", outcome.used())
                .append("limit", new Document("unlimited", limit.unlimited()).append("max", limit.max()))
                .append("reason", outcome.reason())
                .append(DECIDED_AT, Date.from(decidedAt));
    }

    @Override
    public long deleteOlderThan(Instant horizon) {
        return outcomes.deleteMany(Filters.lt(DECIDED_AT, Date.from(horizon))).getDeletedCount();
    }

    private static String id(String tenantId, String key) {
        return tenantId + "/" + key;
    }

    private static UsageOutcome toOutcome(Document document) {
        Document limit = document.get("limit", Document.class);
        Number max = limit.get("max", Number.class);
        Quota quota = new Quota(limit.getBoolean("unlimited"), max == null ? null : max.longValue());
        return new UsageOutcome(document.getString("tenantId"),
                Resource.fromKey(document.getString("resource")).orElseThrow(),
                document.getBoolean("accepted"), number(document, "requested"), number(document, "applied"),
                number(document, "used"), quota, document.getString("reason"), false);
    }

    private static long number(Document document, String field) {
        return document.get(field, Number.class).longValue();
    }
}
