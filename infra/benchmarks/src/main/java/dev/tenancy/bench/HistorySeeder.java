package dev.tenancy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Gives a tenant a usage history by appending events to the event store directly, as another writer would: copies
 * of the tenant's own stored UsageRecordedEvent (same fields, metadata and payload shape) with the next sequence
 * numbers, their own event ids and idempotency keys, and a running {@code used}. Their timestamps lie an hour back,
 * as history does, so the query side's tracking processors (which are past that point) do not project them during
 * the measurement. The command side replays them like any other events.
 */
final class HistorySeeder {

    private static final int BATCH = 1_000;
    private static final Duration AGE = Duration.ofHours(1);

    private final MongoCollection<Document> events;
    private final ObjectMapper json = new ObjectMapper();

    HistorySeeder(MongoCollection<Document> events) {
        this.events = events;
    }

    /**
     * Appends {@code count} events after {@code template} (the tenant's newest event, a UsageRecordedEvent).
     *
     * @return the sequence number of the last appended event
     */
    long append(Document template, int count) throws Exception {
        long sequence = ((Number) template.get(AxonEventLayout.SEQUENCE)).longValue();
        ObjectNode payload = (ObjectNode) json.readTree(template.getString(AxonEventLayout.PAYLOAD));
        long used = payload.path("used").asLong();
        Instant start = Instant.now().minus(AGE);
        List<Document> batch = new ArrayList<>(BATCH);
        for (int i = 1; i <= count; i++) {
            payload.put("used", used + i);
            payload.put("idempotencyKey", "history-" + i);
            Document event = new Document(template);
            event.remove("_id");
            event.put(AxonEventLayout.SEQUENCE, sequence + i);
            event.put(AxonEventLayout.EVENT_ID, UUID.randomUUID().toString());
            event.put(AxonEventLayout.TIMESTAMP, AxonEventLayout.timestamp(start.plusMillis(i)));
            event.put(AxonEventLayout.PAYLOAD, json.writeValueAsString(payload));
            batch.add(event);
            if (batch.size() == BATCH || i == count) {
                events.insertMany(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        return sequence + count;
    }
}
