package dev.tenancy.platform.axon;

import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared window against axon-mongo's own {@code advanceTo}, which copies the window per event: every token must
 * come out equal, entry for entry and in the same order, however the events are split into fetches and whether a
 * fetch goes on from the previous one's view or from a token read back from the store.
 */
class TrackedWindowTest {

    private static final Duration LOOK_BACK = Duration.ofMillis(50);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyTokenEqualsAxonMongosOwnEntryForEntry(long seed) {
        Random random = new Random(seed);
        MongoTrackingToken reference = null;
        Map<String, Long> resumeFrom = Map.of();
        long clock = 1_000;
        long newest = Long.MIN_VALUE;
        int event = 0;
        for (int fetch = 0; fetch < 300; fetch++) {
            TrackedWindow.Tracker tracker = TrackedWindow.from(resumeFrom, random.nextInt(20));
            TrackedWindow.View last = null;
            for (int i = random.nextInt(40); i > 0; i--) {
                // mostly forward, sometimes several at one instant, sometimes late by up to twice the window
                clock += random.nextInt(4);
                long at = random.nextInt(10) == 0 ? clock - random.nextInt(100) : clock;
                String id = "event-" + event++;
                assertThat(tracker.tracks(id)).isFalse();
                reference = reference == null ? MongoTrackingToken.of(Instant.ofEpochMilli(at), id)
                        : reference.advanceTo(Instant.ofEpochMilli(at), id, LOOK_BACK);
                newest = Math.max(newest, at);
                last = tracker.advance(id, at, newest - LOOK_BACK.toMillis());
                assertSameToken(last, newest, reference);
            }
            if (last != null) {
                // a stream goes on from its own last view; a restarted processor from the token store's plain copy
                resumeFrom = random.nextBoolean() ? last : new LinkedHashMap<>(last);
            }
        }
        assertThat(event).as("enough events to pass the window many times").isGreaterThan(3_000);
    }

    @Test
    void aViewKeepsWhatItHeldWhileItsWindowGoesOn() {
        TrackedWindow.Tracker tracker = TrackedWindow.from(Map.of(), 4);
        TrackedWindow.View early = null;
        for (int i = 0; i < 10; i++) {
            early = tracker.advance("early-" + i, i, i - LOOK_BACK.toMillis());
        }
        Map<String, Long> heldThen = new LinkedHashMap<>(early);
        for (int i = 10; i < 5_000; i++) {
            tracker.advance("later-" + i, i, i - LOOK_BACK.toMillis());
        }
        assertThat(new ArrayList<>(early.entrySet())).isEqualTo(new ArrayList<>(heldThen.entrySet()));
        assertThat(early.containsKey("early-3")).isTrue();
        assertThat(early.get("early-9")).isEqualTo(9L);
        assertThat(early.containsKey("later-10")).as("nothing tracked after it").isFalse();
        assertThat(tracker.current().containsKey("early-3")).as("long out of the window now").isFalse();
    }

    @Test
    void twoReadersFromOneTokenGoOnIndependently() {
        TrackedWindow.Tracker first = TrackedWindow.from(Map.of(), 4);
        TrackedWindow.View shared = null;
        for (int i = 0; i < 5; i++) {
            shared = first.advance("shared-" + i, i, -1);
        }
        TrackedWindow.Tracker one = TrackedWindow.from(shared, 4);
        TrackedWindow.Tracker other = TrackedWindow.from(shared, 4);
        TrackedWindow.View oneView = one.advance("one", 10, -1);
        TrackedWindow.View otherView = other.advance("other", 11, -1);
        one.advance("one-more", 12, -1);

        assertThat(oneView.keySet()).containsExactly("shared-0", "shared-1", "shared-2", "shared-3", "shared-4", "one");
        assertThat(otherView.keySet())
                .containsExactly("shared-0", "shared-1", "shared-2", "shared-3", "shared-4", "other");
        assertThat(other.tracks("one")).isFalse();
        assertThat(one.tracks("other")).isFalse();
        assertThat(shared).hasSize(5).doesNotContainKeys("one", "other");
    }

    @Test
    void aLongStreamKeepsABoundedWindowAlive() {
        TrackedWindow.Tracker tracker = TrackedWindow.from(Map.of(), 100);
        TrackedWindow.View view = null;
        for (int fetch = 0; fetch < 2_000; fetch++) {
            for (int i = 0; i < 100; i++) {
                long at = fetch * 100L + i;
                view = tracker.advance("e-" + at, at, at - LOOK_BACK.toMillis());
            }
            tracker = TrackedWindow.from(view, 100);
        }
        assertThat(view).hasSize(51);
        assertThat(view.windowCapacity()).as("200,000 events read, a window of 51 ids").isLessThan(20_000);
    }

    @Test
    void aTokenHoldingAViewSerializesAsAPlainOne() throws Exception {
        TrackedWindow.Tracker tracker = TrackedWindow.from(Map.of("stored", 1L), 4);
        tracker.advance("a", 2, 0);
        TrackedWindow.View view = tracker.advance("b", 3, 0);
        MongoTrackingToken token = MongoTrackingToken.of(Instant.ofEpochMilli(3), view);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(token);
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }
        assertThat(read).isEqualTo(token);
        assertThat(((MongoTrackingToken) read).getTrackedEvents().keySet()).containsExactly("stored", "a", "b");

        var serializer = Serializers.messages();
        var serialized = serializer.serialize(token, byte[].class);
        MongoTrackingToken back = serializer.deserialize(serialized);
        assertThat(back).isEqualTo(token);
        assertThat(back.getTrackedEvents().keySet()).containsExactly("stored", "a", "b");
    }

    private static void assertSameToken(TrackedWindow.View view, long newest, MongoTrackingToken reference) {
        MongoTrackingToken token = MongoTrackingToken.of(Instant.ofEpochMilli(newest), view);
        assertThat(new ArrayList<>(view.entrySet()))
                .isEqualTo(new ArrayList<>(reference.getTrackedEvents().entrySet()));
        assertThat(token).isEqualTo(reference).hasSameHashCodeAs(reference);
        assertThat(reference).isEqualTo(token);
        List<String> ids = new ArrayList<>(reference.getKnownEventIds());
        assertThat(ids).allMatch(view::containsKey);
        assertThat(token.covers(reference)).isTrue();
        assertThat(reference.covers(token)).isTrue();
    }
}
