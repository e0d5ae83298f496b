package dev.tenancy.query.replay;

import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * The axon-mongo token after a run of events, kept up to date in place. {@link MongoTrackingToken#advanceTo} copies
 * every event id of the look-back window for each event, so reading a history that way costs events × window: with
 * 200 events a second and 5 s, a thousand map entries copied per event. This applies the same rules, the same way
 * (newest timestamp wins; ids are dropped from the oldest added while they are older than the window), without the
 * copy, and builds the token only when asked.
 */
final class TokenWindow {

    private final long lookBackMillis;
    private final LinkedHashMap<String, Long> events = new LinkedHashMap<>();
    private long timestamp = Long.MIN_VALUE;

    TokenWindow(Duration lookBack) {
        this.lookBackMillis = lookBack.toMillis();
    }

    void advance(Instant at, String eventIdentifier) {
        long millis = at.toEpochMilli();
        if (events.putIfAbsent(eventIdentifier, millis) != null) {
            throw new IllegalArgumentException("Event " + eventIdentifier + " was already read within the window");
        }
        timestamp = Math.max(timestamp, millis);
        long cutOff = timestamp - lookBackMillis;
        Iterator<Long> oldest = events.values().iterator();
        while (oldest.hasNext() && oldest.next() < cutOff) {
            oldest.remove();
        }
    }

    /** The newest timestamp read (the token's); empty before the first event. */
    Optional<Instant> newest() {
        return events.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(timestamp));
    }

    /** The token an axon-mongo processor would hold after the same events; empty before the first. */
    Optional<MongoTrackingToken> token() {
        return events.isEmpty() ? Optional.empty()
                : Optional.of(MongoTrackingToken.of(Instant.ofEpochMilli(timestamp), new LinkedHashMap<>(events)));
    }
}
