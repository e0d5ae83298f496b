package dev.tenancy.platform.axon;

import com.mongodb.BasicDBObject;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.SerializedObject;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.nin;
import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * axon-mongo's document-per-event storage, tracking with the same query and the same tokens, built without copying
 * the look-back window for every event. axon-mongo's {@code advanceTo} copies every id of the window into a new map
 * per event, so a fetch cost events × window and kept that many map entries alive while its events were cached: at
 * 300 events a second and a 5 s window, 1,500 entries per event. Here each event's token is a view of one window
 * shared window ({@link TrackedWindow}), which the next fetch from that token extends. The tokens are equal to
 * axon-mongo's, entry for entry and in the same order.
 */
public class WindowedTrackingStrategy extends DocumentPerEventStorageStrategy {

    private final Duration lookBackTime;
    private final LatestViews latest = new LatestViews(64);

    public WindowedTrackingStrategy(EventEntryConfiguration configuration, Duration lookBackTime) {
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
                    long millis = event.getTimestamp().toEpochMilli();
                    newest = Math.max(newest, millis);
                    TrackedWindow.View tracked = window.advance(event.getEventIdentifier(), millis,
                            newest - lookBackMillis);
                    last = MongoTrackingToken.of(Instant.ofEpochMilli(newest), tracked);
                    lastView = tracked;
                    results.add(new Tracked<>(event, last));
                }
            }
        }
        if (last != null) {
            latest.remember(last, lastView);
        }
        return results;
    }

    /** One stored event with the token just after it. */
    private record Tracked<T>(DomainEventData<T> event, TrackingToken token)
            implements DomainEventData<T>, TrackedEventData<T> {

        @Override
        public TrackingToken trackingToken() {
            return token;
        }

        @Override
        public String getType() {
            return event.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return event.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return event.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return event.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return event.getTimestamp();
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return event.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return event.getPayload();
        }
    }
}
