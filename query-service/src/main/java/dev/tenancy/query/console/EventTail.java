package dev.tenancy.query.console;

import dev.tenancy.platform.axon.EventStoreProperties;
import dev.tenancy.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live tails of the event store as server-sent events. The store is polled (one shared thread for every open
 * stream): the stand-in has no change streams without an oplog, and polling works the same on real MongoDB. Each
 * poll reads from the newest timestamp seen minus the store's look-back window, because an append can become
 * visible after a later one; events already sent are skipped by id, and ids older than the window are forgotten.
 */
@Component
public class EventTail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventTail.class);
    static final int BATCH = 500;

    private final EventStoreReader store;
    private final Duration overlap;
    private final Duration pollInterval;
    private final Duration heartbeat;
    private final Duration timeout;
    private final int maxStreams;
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-console-tail");
        thread.setDaemon(true);
        return thread;
    });

    public EventTail(EventStoreReader store, EventStoreProperties properties,
                     @Value("${tenancy.console.stream.poll-interval:500ms}") Duration pollInterval,
                     @Value("${tenancy.console.stream.heartbeat:15s}") Duration heartbeat,
                     @Value("${tenancy.console.stream.timeout:30m}") Duration timeout,
                     @Value("${tenancy.console.stream.max-open:20}") int maxStreams) {
        this.store = store;
        this.overlap = properties.lookBackTime();
        this.pollInterval = pollInterval;
        this.heartbeat = heartbeat;
        this.timeout = timeout;
        this.maxStreams = maxStreams;
    }

    /**
     * Starts a tail: events stored from {@code from} on, or only those stored after now. The first poll runs at once
     * and sends a comment, so a subscriber sees the stream open without waiting for an event. Each open stream costs
     * one store query per poll interval, so their number is capped (503 too-many-streams).
     */
    SseEmitter start(EventFilter filter, Instant from) {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", "Too many event streams",
                    maxStreams + " event streams are open already; close one or retry later.")
                    .with("retryAfterSeconds", 5);
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscription subscription = new Subscription(emitter, filter, from);
        ScheduledFuture<?> polling = scheduler.scheduleWithFixedDelay(subscription::poll, 0,
                pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        subscription.polling = polling;
        emitter.onCompletion(subscription::close);
        emitter.onTimeout(() -> {
            // ending the stream normally, rather than leaving Spring to answer a timeout error on an event stream
            subscription.close();
            emitter.complete();
        });
        emitter.onError(error -> subscription.close());
        return emitter;
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private final class Subscription {

        private final SseEmitter emitter;
        private final EventFilter filter;
        /** Ids sent (or, for a tail from now, present at the start) with their timestamps, within the window. */
        private final Map<String, Instant> seen = new HashMap<>();
        private Instant watermark;
        private boolean primed;
        private boolean opened;
        private Instant lastSent;
        private volatile ScheduledFuture<?> polling;
        private volatile boolean closed;

        Subscription(SseEmitter emitter, EventFilter filter, Instant from) {
            this.emitter = emitter;
            this.filter = filter;
            this.primed = from != null;
            this.watermark = from != null ? from : Clock.systemUTC().instant();
            this.lastSent = Clock.systemUTC().instant();
        }

        void poll() {
            if (closed) {
                return;
            }
            try {
                if (!primed) {
                    // a tail "from now" must not replay what is already stored within the look-back window
                    fetch().forEach(event -> remember(event.eventId(), event.timestamp()));
                    primed = true;
                }
                if (!opened) {
                    emitter.send(SseEmitter.event().comment("tailing"));
                    opened = true;
                }
                List<StoredEvent> found;
                do {
                    found = fetch();
                    for (StoredEvent event : found) {
                        emitter.send(SseEmitter.event().id(event.eventId()).name("event")
                                .data(event, MediaType.APPLICATION_JSON));
                        remember(event.eventId(), event.timestamp());
                    }
                    if (!found.isEmpty()) {
                        lastSent = Clock.systemUTC().instant();
                    }
                } while (found.size() == BATCH && !closed);
                forgetOutsideWindow();
                if (Duration.between(lastSent, Clock.systemUTC().instant()).compareTo(heartbeat) >= 0) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                    lastSent = Clock.systemUTC().instant();
                }
            } catch (IOException | IllegalStateException e) {
                // the subscriber went away (or the emitter completed): stop polling for it
                close();
            } catch (RuntimeException e) {
                log.warn("Event console tail failed; closing the stream: {}", e.toString());
                emitter.completeWithError(e);
                close();
            }
        }

        private List<StoredEvent> fetch() {
            return store.since(filter, watermark.minus(overlap), seen.keySet(), BATCH);
        }

        private void remember(String eventId, Instant timestamp) {
            seen.put(eventId, timestamp);
            if (timestamp.isAfter(watermark)) {
                watermark = timestamp;
            }
        }

        private void forgetOutsideWindow() {
            Instant cutOff = watermark.minus(overlap);
            seen.values().removeIf(timestamp -> timestamp.isBefore(cutOff));
        }

        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            open.decrementAndGet();
            ScheduledFuture<?> current = polling;
            if (current != null) {
                current.cancel(false);
            }
        }
    }
}
