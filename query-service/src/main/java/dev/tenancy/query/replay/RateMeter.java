package dev.tenancy.query.replay;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/** Events per second over the last few seconds, and in all; cheap enough to mark every handled event. */
final class RateMeter {

    static final int WINDOW_SECONDS = 10;

    private final LongSupplier millis;
    private final AtomicLongArray counts = new AtomicLongArray(WINDOW_SECONDS);
    private final AtomicLongArray seconds = new AtomicLongArray(WINDOW_SECONDS);
    private final AtomicLong total = new AtomicLong();
    private final long startedAt;

    RateMeter() {
        this(System::currentTimeMillis);
    }

    RateMeter(LongSupplier millis) {
        this.millis = millis;
        this.startedAt = millis.getAsLong();
    }

    void mark() {
        long second = millis.getAsLong() / 1000;
        int slot = (int) (second % WINDOW_SECONDS);
        long owner = seconds.get(slot);
        if (owner != second && seconds.compareAndSet(slot, owner, second)) {
            counts.set(slot, 0);
        }
        counts.incrementAndGet(slot);
        total.incrementAndGet();
    }

    long total() {
        return total.get();
    }

    /** Over the last full seconds of the window (the current one is still filling), at most since the start. */
    double perSecond() {
        long now = millis.getAsLong();
        long current = now / 1000;
        long sum = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            long second = seconds.get(i);
            if (second < current && second >= current - (WINDOW_SECONDS - 1)) {
                sum += counts.get(i);
            }
        }
        double window = Math.min(WINDOW_SECONDS - 1, Math.max(1, (current * 1000 - startedAt) / 1000.0));
        return sum / window;
    }
}
