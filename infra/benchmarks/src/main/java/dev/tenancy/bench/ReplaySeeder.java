package dev.tenancy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Gives the store a history of many tenants by cloning one signed-up tenant's stored events (its creation, its
 * owner, its first usage report) under new tenant ids and slugs, and continuing each clone with more usage reports
 * (copies of its report with the next sequence numbers, a running {@code used} and their own idempotency keys).
 * The tenants' events are interleaved, as concurrent tenants' are, {@code spacing} apart, and end an hour back: the
 * live processors, which are past that point, do not project them, but a rebuild, which starts at the oldest event,
 * does. The spacing matters: axon-mongo's token carries the id of every event within the look-back window (5 s),
 * so events 1 ms apart make tokens of 5,000 ids, copied on every event and saved with every batch.
 */
final class ReplaySeeder {

    private static final int BATCH = 1_000;
    private static final Duration AGE = Duration.ofHours(1);
    private static final String USAGE_RECORDED = "dev.tenancy.api.usage.UsageRecordedEvent";

    private final MongoCollection<Document> events;
    private final ObjectMapper json = new ObjectMapper();

    ReplaySeeder(MongoCollection<Document> events) {
        this.events = events;
    }

    /**
     * @param template the tenant whose events are cloned; its newest event must be a usage report
     * @return the number of events appended
     */
    long seed(Tenant template, int tenants, int total, Duration spacing) throws Exception {
        List<Document> history = events.find(Filters.eq(AxonEventLayout.AGGREGATE, template.id()))
                .sort(Sorts.ascending(AxonEventLayout.SEQUENCE)).into(new ArrayList<>());
        Document report = history.get(history.size() - 1);
        if (!USAGE_RECORDED.equals(report.getString(AxonEventLayout.PAYLOAD_TYPE))) {
            throw new IllegalStateException("The template's newest event is no usage report: " + report);
        }
        int perTenant = Math.max(history.size(), total / tenants);
        List<TenantClone> clones = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            clones.add(new TenantClone(UUID.randomUUID().toString(), "replay-" + i + "-" + template.slug()));
        }
        Instant start = Instant.now().minus(spacing.multipliedBy((long) perTenant * tenants)).minus(AGE);
        long appended = 0;
        List<Document> batch = new ArrayList<>(BATCH);
        for (int step = 0; step < perTenant; step++) {
            for (TenantClone clone : clones) {
                Document event = step < history.size() ? history.get(step) : report;
                Document copy = clone.copy(event, template, step, step < history.size() ? null : usageRecord(event,
                        step - history.size() + 2));
                copy.put(AxonEventLayout.TIMESTAMP,
                        AxonEventLayout.timestamp(start.plus(spacing.multipliedBy(appended))));
                batch.add(copy);
                appended++;
                if (batch.size() == BATCH) {
                    events.insertMany(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        if (!batch.isEmpty()) {
            events.insertMany(batch);
        }
        return appended;
    }

    /** The template's usage report as the {@code n}th one: a running total and its own idempotency key. */
    private String usageRecord(Document report, long n) throws Exception {
        ObjectNode payload = (ObjectNode) json.readTree(report.getString(AxonEventLayout.PAYLOAD));
        payload.put("used", n);
        payload.put("idempotencyKey", "replay-history-" + n);
        return json.writeValueAsString(payload);
    }
}
