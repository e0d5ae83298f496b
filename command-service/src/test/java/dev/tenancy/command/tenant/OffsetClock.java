package dev.tenancy.command.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, moved forward by hand, or stopped at an instant for tests that need exact times (waits, code
 * steps). Time goes on as usual again after {@link #reset()}, so other tests sharing the Spring context that holds it
 * keep working once the test that moved it has reset it.
 */
public class OffsetClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant stoppedAt;

    /** Time stands still at {@code instant} (plus whatever {@link #advance} adds) until {@link #reset()}. */
    public void stopAt(Instant instant) {
        stoppedAt = instant;
        offset = Duration.ZERO;
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Back to the system's time, for the tests that follow in the same context. */
    public void reset() {
        stoppedAt = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        return (stopped != null ? stopped : Instant.now()).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
