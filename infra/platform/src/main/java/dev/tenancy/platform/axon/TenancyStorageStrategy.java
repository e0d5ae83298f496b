package dev.tenancy.platform.axon;

import com.mongodb.BasicDBObject;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.nin;
import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * axon-mongo's document-per-event storage with two differences in how it reads; what it stores is the same.
 * <ul>
 * <li>Tracking runs the same query and builds tokens equal to axon-mongo's, entry for entry and in the same order,
 * without copying the look-back window for every event. axon-mongo's {@code advanceTo} copies every id of the window
 * into a new map per event, so a fetch cost events × window and kept that many map entries alive while its events
 * were cached: at 300 events a second and a 5 s window, 1,500 entries per event. Here each event's token is a view
 * of one shared window ({@link TrackedWindow}), which the next fetch from that token extends.</li>
 * <li>An aggregate's events are read a batch at a time. axon-mongo asks for all of them from a sequence number on,
 * without a limit, and collects them into one list: the 100,000 events of a long-lived tenant without a usable
 * snapshot were all held at once. With a limit, Axon's engine asks for the next batch after a full one, as it does
 * with a relational store.</li>
 * </ul>
 */
public class TenancyStorageStrategy extends DocumentPerEventStorageStrategy {

    private final Duration lookBackTime;
    private final LatestViews latest = new LatestViews(64);

    public TenancyStorageStrategy(EventEntryConfiguration configuration, Duration lookBackTime) {
        super(configuration, lookBackTime);
        this.lookBackTime = lookBackTime;
    }

    @Override
    public List<? extends TrackedEventData<?>> findTrackedEvents(MongoCollection<Document> eventCollection,
                                                                 TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof MongoTrackingToken)) {
            throw new IllegalArgumentException(String.format("Token %s is of the wrong type", lastToken));
        }
        MongoTrackingToken previous = (MongoTrackingToken) lastToken;
        FindIterable<Document> cursor = previous == null ? eventCollection.find()
                : eventCollection.find(and(
                        gte(eventConfiguration().timestampProperty(),
                                formatInstant(previous.getTimestamp().minus(lookBackTime))),
                        nin(eventConfiguration().eventIdentifierProperty(), previous.getKnownEventIds())));
        cursor = cursor.sort(new BasicDBObject(eventConfiguration().timestampProperty(), ORDER_ASC)
                        .append(eventConfiguration().sequenceNumberProperty(), ORDER_ASC))
                .batchSize(batchSize);
        TrackedWindow.Tracker window = TrackedWindow.from(previous == null ? Map.of() : latest.viewOf(previous)
                .orElseGet(previous::getTrackedEvents), batchSize);
        long newest = previous == null ? Long.MIN_VALUE : previous.getTimestamp().toEpochMilli();
        long lookBackMillis = lookBackTime.toMillis();
        List<TrackedEventData<?>> results = new ArrayList<>();
        MongoTrackingToken last = null;
        TrackedWindow.View lastView = null;
        try (MongoCursor<Document> iterator = cursor.iterator()) {
            while (results.size() < batchSize && iterator.hasNext()) {
                for (DomainEventData<?> event : extractEvents(iterator.next()).toList()) {
                    if (window.tracks(event.getEventIdentifier())) {
                        continue;
                    }
                    Instant at = event.getTimestamp();
                    long millis = at.toEpochMilli();
                    newest = Math.max(newest, millis);
                    TrackedWindow.View tracked = window.advance(event.getEventIdentifier(), millis,
                            newest - lookBackMillis);
                    last = MongoTrackingToken.of(Instant.ofEpochMilli(newest), tracked);
                    lastView = tracked;
                    results.add(new TrackedDomainEventData<>(last, new ParsedTimestamp<>(event, at)));
                }
            }
        }
        if (last != null) {
            latest.remember(last, lastView);
        }
        return results;
    }

    @Override
    public List<? extends DomainEventData<?>> findDomainEvents(MongoCollection<Document> collection,
                                                               String aggregateIdentifier, long firstSequenceNumber,
                                                               int batchSize) {
        List<DomainEventData<?>> events = new ArrayList<>(batchSize);
        try (MongoCursor<Document> cursor = collection.find(and(
                        eq(eventConfiguration().aggregateIdentifierProperty(), aggregateIdentifier),
                        gte(eventConfiguration().sequenceNumberProperty(), firstSequenceNumber)))
                .sort(new BasicDBObject(eventConfiguration().sequenceNumberProperty(), ORDER_ASC))
                .limit(batchSize).batchSize(batchSize).iterator()) {
            cursor.forEachRemaining(document -> extractEvents(document)
                    .filter(event -> event.getSequenceNumber() >= firstSequenceNumber).forEach(events::add));
        }
        return events;
    }
}
