package dev.tenancy.query.replay;

import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window gives, after every event, the token axon-mongo's own advancing gives. */
class TokenWindowTest {

    private static final Duration LOOK_BACK = Duration.ofSeconds(5);
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void afterEveryEventItHoldsTheTokenAxonMongoWouldHold() {
        Random random = new Random(42);
        TokenWindow window = new TokenWindow(LOOK_BACK);
        assertThat(window.token()).isEmpty();
        assertThat(window.newest()).isEmpty();
        MongoTrackingToken expected = null;
        Instant at = START;
        int trimmed = 0;
        for (int n = 0; n < 5_000; n++) {
            // mostly forward, with gaps past the window and stragglers stamped before the newest event
            at = at.plusMillis(random.nextInt(10) == 0 ? 6_000 : random.nextInt(40));
            Instant stamped = random.nextInt(8) == 0 ? at.minusMillis(random.nextInt(7_000)) : at;
            String id = "e-" + n;
            int before = expected == null ? 0 : expected.getKnownEventIds().size();
            expected = expected == null ? MongoTrackingToken.of(stamped, id) : expected.advanceTo(stamped, id, LOOK_BACK);
            trimmed += expected.getKnownEventIds().size() <= before ? 1 : 0;
            window.advance(stamped, id);
            assertThat(window.token()).as("after %s", id).contains(expected);
            assertThat(window.newest()).contains(expected.getTimestamp());
        }
        assertThat(trimmed).as("the run trims the window many times").isGreaterThan(100);
    }

    @Test
    void anEventReadTwiceWithinTheWindowIsRefusedAsAxonMongoRefusesIt() {
        TokenWindow window = new TokenWindow(LOOK_BACK);
        window.advance(START, "e-1");
        window.advance(START.plusSeconds(1), "e-2");
        assertThatThrownBy(() -> window.advance(START.plusSeconds(2), "e-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MongoTrackingToken.of(START, "e-1").advanceTo(START.plusSeconds(2), "e-1", LOOK_BACK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
