package dev.tenancy.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.tenancy.api.usage.UsageRecordedEvent;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads the shared event store (axon-mongo's document-per-event layout) to see what the services wrote.
 * Counting scans the collection on the stand-in (it keeps no secondary indexes), so progress is followed by looking
 * up one (aggregate, sequence) pair, which the unique index answers, and the full count is taken only at the ends.
 */
final class EventStoreProbe {

    static final String EVENT_DATABASE = "tenancy_events";
    private static final long POLL_MILLIS = 200;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> oplog;

    EventStoreProbe(MongoClient client) {
        this.events = client.getDatabase(EVENT_DATABASE).getCollection("domainevents");
        this.snapshots = client.getDatabase(EVENT_DATABASE).getCollection("snapshotevents");
        this.oplog = client.getDatabase("local").getCollection("oplog.rs");
    }

    MongoCollection<Document> events() {
        return events;
    }

    long countRecorded(String tenantId) {
        return events.countDocuments(recorded(tenantId));
    }

    /** Every write the store accepted so far (the stand-in's oplog has one entry per written document). */
    long writes() {
        return oplog.estimatedDocumentCount();
    }

    /** The position of the newest write in the oplog, or null before the first. */
    BsonTimestamp lastWrite() {
        Document newest = oplog.find().sort(Sorts.descending("ts")).projection(Projections.include("ts")).first();
        return newest == null ? null : newest.get("ts", BsonTimestamp.class);
    }

    /** Writes after {@code after} (a {@link #lastWrite()}), per namespace (database.collection), most first. */
    Map<String, Long> writesByNamespace(BsonTimestamp after) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Bson since = after == null ? new Document() : Filters.gt("ts", after);
        for (Document group : oplog.aggregate(List.of(Aggregates.match(since),
                Aggregates.group("$ns", Accumulators.sum("n", 1)), Aggregates.sort(Sorts.descending("n"))))) {
            counts.put(String.valueOf(group.get("_id")), ((Number) group.get("n")).longValue());
        }
        return counts;
    }

    /** The tenant's newest event. */
    Document newest(String tenantId) {
        Document newest = events.find(Filters.eq(AxonEventLayout.AGGREGATE, tenantId))
                .sort(Sorts.descending(AxonEventLayout.SEQUENCE)).first();
        if (newest == null) {
            throw new IllegalStateException("No event stored for tenant " + tenantId);
        }
        return newest;
    }

    /** The tenant's highest event sequence number. */
    long lastSequence(String tenantId) {
        return ((Number) newest(tenantId).get(AxonEventLayout.SEQUENCE)).longValue();
    }

    /**
     * Waits (polling every 200 ms) until the tenant has an event with {@code sequence}; false if the deadline passed.
     */
    boolean awaitSequence(String tenantId, long sequence, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Bson filter = Filters.and(Filters.eq(AxonEventLayout.AGGREGATE, tenantId),
                Filters.eq(AxonEventLayout.SEQUENCE, sequence));
        while (System.nanoTime() < deadline) {
            if (events.find(filter).projection(Projections.include("_id")).first() != null) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        return false;
    }

    /** Waits (bounded) for a snapshot of the tenant at or after {@code sequence}; answers what is there then. */
    SnapshotInfo awaitSnapshot(String tenantId, long sequence, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SnapshotInfo info = snapshots(tenantId);
        while (info.newestSequence() < sequence && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS * 5);
            info = snapshots(tenantId);
        }
        return info;
    }

    /** Number of snapshots kept for the tenant, the newest one's sequence and its serialized size. */
    SnapshotInfo snapshots(String tenantId) {
        long count = snapshots.countDocuments(Filters.eq(AxonEventLayout.AGGREGATE, tenantId));
        Document newest = snapshots.find(Filters.eq(AxonEventLayout.AGGREGATE, tenantId))
                .sort(Sorts.descending(AxonEventLayout.SEQUENCE)).first();
        if (newest == null) {
            return new SnapshotInfo(count, -1, 0);
        }
        Object payload = newest.get(AxonEventLayout.PAYLOAD);
        long chars = payload == null ? 0 : payload.toString().length();
        return new SnapshotInfo(count, ((Number) newest.get(AxonEventLayout.SEQUENCE)).longValue(), chars);
    }

    private static Bson recorded(String tenantId) {
        return Filters.and(Filters.eq(AxonEventLayout.AGGREGATE, tenantId),
                Filters.eq(AxonEventLayout.PAYLOAD_TYPE, UsageRecordedEvent.class.getName()));
    }
}
