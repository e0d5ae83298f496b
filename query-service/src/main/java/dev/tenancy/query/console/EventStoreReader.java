package dev.tenancy.query.console;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.tenancy.platform.axon.EventStoreProperties;
import dev.tenancy.query.audit.AuditEntry;
import dev.tenancy.query.audit.AuditStore;
import dev.tenancy.query.audit.EventJson;
import dev.tenancy.query.audit.KeysetCursor;
import org.axonframework.common.DateTimeUtils;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the shared event store ({@code tenancy_events.domainevents}, axon-mongo's document-per-event layout) for
 * the superadmin's event console. Read only: it writes nothing and declares no index there; the store's own
 * indexes are axon-mongo's ({@code aggregateIdentifier + sequenceNumber}, unique, and {@code timestamp +
 * sequenceNumber}). Timestamps are stored as ISO-8601 text with exactly three fraction digits, so text order is
 * time order.
 */
@Component
public class EventStoreReader {

    static final String COLLECTION = "domainevents";
    static final String EVENT_ID = "eventIdentifier";
    static final String AGGREGATE_ID = "aggregateIdentifier";
    static final String SEQUENCE = "sequenceNumber";
    static final String AGGREGATE_TYPE = "type";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "serializedPayload";
    static final String METADATA = "serializedMetaData";

    private final MongoCollection<Document> events;
    private final AuditStore audit;

    public EventStoreReader(MongoClient client, EventStoreProperties properties, AuditStore audit) {
        this.events = client.getDatabase(properties.eventDatabase()).getCollection(COLLECTION);
        this.audit = audit;
    }

    /** Newest first (timestamp, then event id), after {@code after}; {@code size + 1} read to know if more follow. */
    public EventPage page(EventFilter filter, Optional<KeysetCursor> after, int size) {
        Bson position = after.map(cursor -> {
            String at = DateTimeUtils.formatInstant(cursor.time());
            return Filters.or(Filters.lt(TIMESTAMP, at),
                    Filters.and(Filters.eq(TIMESTAMP, at), Filters.lt(EVENT_ID, cursor.eventId())));
        }).orElse(Filters.empty());
        List<StoredEvent> found = events.find(Filters.and(filter.toBson(), position))
                .sort(Sorts.descending(TIMESTAMP, EVENT_ID)).limit(size + 1)
                .map(EventStoreReader::event).into(new ArrayList<>());
        List<StoredEvent> items = found.subList(0, Math.min(size, found.size()));
        String next = found.size() > size
                ? new KeysetCursor(items.get(size - 1).timestamp(), items.get(size - 1).eventId()).encode() : null;
        return new EventPage(List.copyOf(items), next);
    }

    /**
     * One event by id. The store has no index on the event id, so the audit row (keyed by it) gives the aggregate
     * and sequence, which the store's unique index answers; only an event not projected yet costs a scan.
     */
    public Optional<StoredEvent> find(String eventId) {
        Optional<StoredEvent> viaAudit = audit.find(eventId).map(List::of).map(this::of)
                .flatMap(found -> found.stream().filter(event -> event.eventId().equals(eventId)).findFirst());
        return viaAudit.isPresent() ? viaAudit
                : Optional.ofNullable(events.find(Filters.eq(EVENT_ID, eventId)).first()).map(EventStoreReader::event);
    }

    /** The stored events of these audit rows, in the rows' order, by the store's unique (aggregate, sequence) index. */
    public List<StoredEvent> of(Collection<AuditEntry> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Bson> keys = rows.stream().map(row -> row.aggregate().id() == null
                ? Filters.and(Filters.eq(AGGREGATE_ID, row.eventId()), Filters.eq(SEQUENCE, 0L))
                : Filters.and(Filters.eq(AGGREGATE_ID, row.aggregate().id()),
                Filters.eq(SEQUENCE, row.aggregate().sequence()))).toList();
        Map<String, StoredEvent> byId = new LinkedHashMap<>();
        events.find(Filters.or(keys)).map(EventStoreReader::event).forEach(event -> byId.put(event.eventId(), event));
        return rows.stream().map(row -> byId.get(row.eventId())).filter(Objects::nonNull).toList();
    }

    /** One aggregate's events by sequence number, from {@code fromSequence}, at most {@code limit}. */
    public List<StoredEvent> history(String aggregateId, long fromSequence, Long toSequence, int limit) {
        Bson range = toSequence == null ? Filters.gte(SEQUENCE, fromSequence)
                : Filters.and(Filters.gte(SEQUENCE, fromSequence), Filters.lte(SEQUENCE, toSequence));
        return events.find(Filters.and(Filters.eq(AGGREGATE_ID, aggregateId), range))
                .sort(Sorts.ascending(SEQUENCE)).limit(limit).map(EventStoreReader::event).into(new ArrayList<>());
    }

    /**
     * Events stored at or after {@code since} that are not among {@code seen}, oldest first, at most {@code limit}:
     * what a live tail polls for.
     */
    public List<StoredEvent> since(EventFilter filter, Instant since, Collection<String> seen, int limit) {
        Bson after = Filters.and(filter.toBson(), Filters.gte(TIMESTAMP, DateTimeUtils.formatInstant(since)),
                Filters.nin(EVENT_ID, seen));
        return events.find(after).sort(Sorts.ascending(TIMESTAMP, EVENT_ID)).limit(limit)
                .map(EventStoreReader::event).into(new ArrayList<>());
    }

    /** Id and time of every event the filter selects: what the completeness check compares. */
    void idsAndTimes(EventFilter filter, Consumer<Map.Entry<String, Instant>> consumer) {
        events.find(filter.toBson()).projection(Projections.include(EVENT_ID, TIMESTAMP)).batchSize(1000)
                .forEach(document -> consumer.accept(Map.entry(document.getString(EVENT_ID),
                        DateTimeUtils.parseInstant(document.getString(TIMESTAMP)))));
    }

    static StoredEvent event(Document document) {
        String eventId = document.getString(EVENT_ID);
        String aggregateType = document.getString(AGGREGATE_TYPE);
        String aggregateId = document.getString(AGGREGATE_ID);
        boolean withoutAggregate = aggregateType == null && eventId.equals(aggregateId);
        Number sequence = (Number) document.get(SEQUENCE);
        return new StoredEvent(eventId, DateTimeUtils.parseInstant(document.getString(TIMESTAMP)), aggregateType,
                withoutAggregate ? null : aggregateId, withoutAggregate || sequence == null ? null
                : sequence.longValue(), document.getString(PAYLOAD_TYPE), document.getString(PAYLOAD_REVISION),
                EventJson.stored(document.get(PAYLOAD)), EventJson.stored(document.get(METADATA)));
    }
}
