package dev.tenancy.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;

import java.time.Instant;
import java.util.UUID;

/**
 * What the store does without the service, from the same number of threads: (a) raw {@code insertOne} of documents
 * shaped like the event store's, into a scratch collection carrying the same indexes; (b) the conditional
 * {@code $inc} a CRUD service would use for a counter with a limit. The run's store is new, so the scratch
 * collections start empty.
 */
final class StoreBaselines {

    static final String RAW_COLLECTION = "bench_raw_events";
    static final String COUNTER_COLLECTION = "bench_counters";
    private static final long NO_LIMIT = Long.MAX_VALUE - 1;

    private final MongoDatabase database;
    private final Document template;

    /** @param template a real stored usage event, whose fields and payload sizes every inserted document copies */
    StoreBaselines(MongoDatabase database, Document template) {
        this.database = database;
        this.template = template;
    }

    /** Creates the scratch collection with the indexes the event collection has, then answers the insert. */
    Operation rawInsert(MongoCollection<Document> eventCollection) {
        MongoCollection<Document> scratch = database.getCollection(RAW_COLLECTION);
        for (Document index : eventCollection.listIndexes()) {
            Document keys = index.get("key", Document.class);
            if (!keys.containsKey("_id")) {
                scratch.createIndex(keys, new IndexOptions().unique(index.getBoolean("unique", false)));
            }
        }
        String runId = UUID.randomUUID().toString().substring(0, 8);
        return (thread, sequence) -> {
            Document event = new Document(template);
            event.remove("_id");
            event.put(AxonEventLayout.AGGREGATE, "raw-" + runId + "-" + thread);
            event.put(AxonEventLayout.SEQUENCE, sequence);
            event.put(AxonEventLayout.EVENT_ID, UUID.randomUUID().toString());
            event.put(AxonEventLayout.TIMESTAMP, AxonEventLayout.timestamp(Instant.now()));
            scratch.insertOne(event);
        };
    }

    /** One counter for all threads, as one tenant's counter would be; refused increments would change nothing. */
    Operation conditionalIncrement() {
        MongoCollection<Document> counters = database.getCollection(COUNTER_COLLECTION);
        String id = "messagesPerMonth:" + UUID.randomUUID();
        counters.insertOne(new Document("_id", id).append("value", 0L));
        return (thread, sequence) -> {
            UpdateResult result = counters.updateOne(
                    Filters.and(Filters.eq("_id", id), Filters.lt("value", NO_LIMIT)), Updates.inc("value", 1L));
            if (result.getModifiedCount() != 1) {
                throw new IllegalStateException("The counter was not incremented");
            }
        };
    }

    /** Removes the scratch collections, so the phases after the baselines find the store as the services left it. */
    void dropScratch() {
        database.getCollection(RAW_COLLECTION).drop();
        database.getCollection(COUNTER_COLLECTION).drop();
    }

    /** Size of the template as JSON, as reported next to the baseline. */
    int templateChars() {
        return template.toJson().length();
    }
}
