package dev.tenancy.platform.ratelimit;

import dev.tenancy.api.plan.Quota;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts API calls per tenant and UTC hour. Decisions are made in memory (no I/O on the request path) on the shared
 * count last read plus this instance's calls not synced yet; {@link #sync()} adds those to the shared store and
 * reads the shared counts back. Between two syncs each instance may allow calls the others do not know of yet, so a
 * limit can be passed by at most (instances x calls each allows per sync interval).
 */
public class ApiCallCounter {

    private static final Logger log = LoggerFactory.getLogger(ApiCallCounter.class);
    private static final Duration HOUR = Duration.ofHours(1);
    /** Ended hours stay a while, so calls that started just before the hour turned are still synced. */
    private static final Duration KEEP_ENDED = Duration.ofMinutes(10);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final Map<String, ApiCallWindow> windows = new ConcurrentHashMap<>();
    private final ApiCallCounterStore store;
    private final Clock clock;
    private long lastWarning;
    private boolean warned;
    private int failuresSinceWarning;

    public ApiCallCounter(ApiCallCounterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Counts the call if {@code limit} allows it; a refused call is not counted. */
    public ApiCallDecision acquire(String tenantId, Quota limit) {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant resetAt = hour.plus(HOUR);
        ApiCallWindow window = windows.computeIfAbsent(ApiCallCounterStore.id(tenantId, hour),
                id -> new ApiCallWindow(tenantId, hour));
        if (limit.unlimited()) {
            return new ApiCallDecision(true, limit, window.acquire(), resetAt);
        }
        long used = window.tryAcquire(limit.max());
        return used < 0 ? new ApiCallDecision(false, limit, window.used(), resetAt)
                : new ApiCallDecision(true, limit, used, resetAt);
    }

    /** The tenant's calls this hour as this instance knows them. */
    public long used(String tenantId) {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        ApiCallWindow window = windows.get(ApiCallCounterStore.id(tenantId, hour));
        return window == null ? 0 : window.used();
    }

    /** Calls counted here and not yet in the shared store. */
    public long unsynced() {
        return windows.values().stream().mapToLong(ApiCallWindow::unsynced).sum();
    }

    /**
     * Adds the unsynced calls to the store and reads the current hour's shared counts. What could not be stored stays
     * unsynced and is sent again next time: counts are never dropped, at worst a lost acknowledgement counts twice.
     */
    public synchronized void sync() {
        Instant now = clock.instant();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        List<ApiCallWindow> pending = new ArrayList<>();
        List<ApiCallIncrement> increments = new ArrayList<>();
        for (ApiCallWindow window : windows.values()) {
            long delta = window.unsynced();
            if (delta > 0) {
                pending.add(window);
                increments.add(new ApiCallIncrement(window.tenantId(), window.hourStart(), delta));
            }
        }
        try {
            Set<Integer> stored = store.add(increments);
            stored.forEach(i -> pending.get(i).synced(increments.get(i).delta()));
            if (stored.size() < increments.size()) {
                warn("the store refused " + (increments.size() - stored.size()) + " of " + increments.size()
                        + " counters");
            }
            List<ApiCallWindow> current = windows.values().stream().filter(w -> w.hourStart().equals(hour)).toList();
            Map<String, Long> counts = store.read(current.stream()
                    .map(w -> ApiCallCounterStore.id(w.tenantId(), w.hourStart())).toList());
            current.forEach(w -> {
                Long count = counts.get(ApiCallCounterStore.id(w.tenantId(), w.hourStart()));
                if (count != null) {
                    w.observe(count);
                }
            });
        } catch (RuntimeException e) {
            warn(e.toString());
        }
        windows.values().removeIf(w -> w.hourStart().plus(HOUR).plus(KEEP_ENDED).isBefore(now)
                && w.unsynced() == 0);
    }

    /** A store outage would otherwise log every second. */
    private void warn(String problem) {
        failuresSinceWarning++;
        long now = System.nanoTime();
        if (warned && now - lastWarning < WARN_EVERY_NANOS) {
            return;
        }
        log.warn("API call counts could not be synced ({} failure(s) since the last warning), {} call(s) kept for "
                + "the next sync: {}", failuresSinceWarning, unsynced(), problem);
        warned = true;
        lastWarning = now;
        failuresSinceWarning = 0;
    }
}
