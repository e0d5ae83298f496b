package dev.tenancy.platform.ratelimit;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Counters in {@code <database>.api_call_counters}, one document per tenant and hour:
 * {@code {_id: "<tenantId>:<hourStart ISO>", tenantId, hourStart: Date, count}}. {@code $inc} with upsert makes
 * concurrent adds from any number of instances safe; one bulk write and one read serve all tenants of a sync.
 */
public class MongoApiCallCounterStore implements ApiCallCounterStore {

    public static final String COLLECTION = "api_call_counters";
    public static final String TENANT_ID = "tenantId";
    public static final String HOUR_START = "hourStart";
    public static final String COUNT = "count";
    public static final String RECORDED = "recorded";

    private final MongoCollection<Document> counters;

    public MongoApiCallCounterStore(MongoClient client, String database) {
        this.counters = client.getDatabase(database).getCollection(COLLECTION);
    }

    @Override
    public Set<Integer> add(List<ApiCallIncrement> increments) {
        if (increments.isEmpty()) {
            return Set.of();
        }
        List<UpdateOneModel<Document>> updates = increments.stream().map(increment -> new UpdateOneModel<Document>(
                Filters.eq("_id", ApiCallCounterStore.id(increment.tenantId(), increment.hourStart())),
                Updates.combine(Updates.inc(COUNT, increment.delta()),
                        Updates.setOnInsert(TENANT_ID, increment.tenantId()),
                        Updates.setOnInsert(HOUR_START, Date.from(increment.hourStart()))),
                new UpdateOptions().upsert(true))).toList();
        try {
            counters.bulkWrite(updates, new BulkWriteOptions().ordered(false));
            return IntStream.range(0, increments.size()).boxed().collect(Collectors.toSet());
        } catch (MongoBulkWriteException partly) {
            // Only write errors mean "not stored"; a write concern error still applied the update on the primary.
            Set<Integer> failed = partly.getWriteErrors().stream().map(BulkWriteError::getIndex)
                    .collect(Collectors.toSet());
            return IntStream.range(0, increments.size()).filter(i -> !failed.contains(i)).boxed()
                    .collect(Collectors.toSet());
        }
    }

    @Override
    public Map<String, Long> read(Collection<String> ids) {
        Map<String, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        counters.find(Filters.in("_id", ids)).projection(new Document(COUNT, 1))
                .forEach(doc -> counts.put(doc.getString("_id"), ((Number) doc.get(COUNT)).longValue()));
        return counts;
    }
}
