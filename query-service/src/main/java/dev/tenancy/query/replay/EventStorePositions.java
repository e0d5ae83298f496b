package dev.tenancy.query.replay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Positions in the event store, for progress and lag. axon-mongo tracks by event timestamp (a token is the newest
 * timestamp it passed plus the ids it saw within the look-back window; {@code TrackingToken.position()} is empty), so
 * a position here is an instant and "events behind" is the number of stored events after it. Events appended late
 * with an older timestamp (clock skew within the look-back window) are not counted; everything else is exact.
 */
@Component
public class EventStorePositions {

    /** axon-mongo's default collection name, as the platform's event store uses it. */
    static final String EVENTS = "domainevents";

    private final MongoCollection<Document> events;
    private final String timestamp;
    private final String eventId;
    private final String aggregateId;
    private final String sequence;

    public EventStorePositions(MongoClient client, EventStoreProperties properties) {
        this.events = client.getDatabase(properties.eventDatabase()).getCollection(EVENTS);
        EventEntryConfiguration layout = EventEntryConfiguration.getDefault();
        this.timestamp = layout.timestampProperty();
        this.eventId = layout.eventIdentifierProperty();
        this.aggregateId = layout.aggregateIdentifierProperty();
        this.sequence = layout.sequenceNumberProperty();
    }

    /** The events collection itself (a rebuild's bulk pass reads it with one sorted cursor). */
    MongoCollection<Document> events() {
        return events;
    }

    /**
     * Every event in the store, from the collection's own count: progress asks for it every time it is looked at, and
     * counting the documents themselves reads every event on the stand-in. MongoDB's count is exact for an unsharded
     * collection after a clean shutdown (after a crash, until its next validation, it may be off by the last writes).
     */
    public long total() {
        return events.estimatedDocumentCount();
    }

    public long ofAggregate(String aggregateIdentifier) {
        return events.countDocuments(Filters.eq(aggregateId, aggregateIdentifier));
    }

    /** The newest event, as a token that covers exactly it and everything before it. */
    public Optional<EventStoreHead> head() {
        Document newest = events.find()
                .sort(Sorts.orderBy(Sorts.descending(timestamp), Sorts.descending(sequence)))
                .projection(Projections.include(timestamp, eventId))
                .limit(1).first();
        if (newest == null) {
            return Optional.empty();
        }
        Instant at = DateTimeUtils.parseInstant(newest.getString(timestamp));
        return Optional.of(new EventStoreHead(at, MongoTrackingToken.of(at, newest.getString(eventId))));
    }

    /** Stored events after {@code position}; all of them for a processor that has not started. */
    public long after(Optional<Instant> position) {
        return position.map(at -> events.countDocuments(Filters.gt(timestamp, DateTimeUtils.formatInstant(at))))
                .orElseGet(this::total);
    }

    /** Where a token stands: the timestamp of the newest event it passed, or empty before the first. */
    public static Optional<Instant> position(TrackingToken token) {
        TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
        return current instanceof MongoTrackingToken mongo ? Optional.of(mongo.getTimestamp()) : Optional.empty();
    }

    /** Whether a token has processed the newest event of {@code head} and everything before it. */
    public static boolean reached(TrackingToken token, EventStoreHead head) {
        TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
        return current != null && current.covers(head.token());
    }
}
