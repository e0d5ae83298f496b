package dev.tenancy.platform.axon;

import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The windows behind the tokens a storage strategy handed out last, so that a fetch from one of them extends its
 * window instead of copying it. Known by identity: a fetch goes on from the very token the previous fetch of its
 * stream ended with, while an equal token (read from the token store) carries a plain map and is copied once.
 */
final class LatestViews {

    private final Map<Identity, TrackedWindow.View> views;

    LatestViews(int capacity) {
        this.views = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Identity, TrackedWindow.View> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(MongoTrackingToken token, TrackedWindow.View view) {
        views.put(new Identity(token), view);
    }

    synchronized Optional<Map<String, Long>> viewOf(MongoTrackingToken token) {
        return Optional.ofNullable(views.get(new Identity(token)));
    }

    private record Identity(MongoTrackingToken token) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.token == token;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(token);
        }
    }
}
