package dev.tenancy.platform.ratelimit;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One tenant's calls in one hour as this instance sees them. {@code local} counts every call this instance allowed,
 * {@code synced} the part of it already added to the shared counter, {@code others} what the other instances had
 * added when it was last read. The hour's usage is therefore {@code others + local}: the shared count plus what
 * this instance has not sent yet, and it never depends on {@code synced}, so a sync never makes it jump.
 */
final class ApiCallWindow {

    private final String tenantId;
    private final Instant hourStart;
    private final AtomicLong local = new AtomicLong();
    private volatile long synced;
    private volatile long others;

    ApiCallWindow(String tenantId, Instant hourStart) {
        this.tenantId = tenantId;
        this.hourStart = hourStart;
    }

    String tenantId() {
        return tenantId;
    }

    Instant hourStart() {
        return hourStart;
    }

    long used() {
        return others + local.get();
    }

    /** Counts one call unless that would pass {@code max}; answers the usage after it, or -1 when refused. */
    long tryAcquire(long max) {
        while (true) {
            long current = local.get();
            if (others + current >= max) {
                return -1;
            }
            if (local.compareAndSet(current, current + 1)) {
                return others + current + 1;
            }
        }
    }

    long acquire() {
        return others + local.incrementAndGet();
    }

    long unsynced() {
        return local.get() - synced;
    }

    /** Only the sync thread calls this and {@link #observe}. */
    void synced(long delta) {
        synced += delta;
    }

    /** {@code sharedCount} was read after this instance's synced calls were added, so it includes them. */
    void observe(long sharedCount) {
        others = Math.max(others, sharedCount - synced);
    }
}
