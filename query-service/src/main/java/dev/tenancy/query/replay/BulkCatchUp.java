package dev.tenancy.query.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.tenancy.platform.axon.ParsedTimestamp;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The first and longest part of a full rebuild: every event up to the newest one at the start, read with one sorted
 * cursor (what a raw scan of the store does) and handed to a fresh instance of the group's handlers bound to a
 * {@link WriteBehindCollections}, so their reads and writes stay in memory and reach the shadow collections as bulk
 * writes. A processor reading the same history runs one tracking query per batch (on the stand-in each one sorts
 * every event after its position) and its handlers make a round trip per document write: rebuilds ran at a few hundred
 * events per second that way. The pass ends with the token an axon-mongo processor would hold after the same events,
 * in the same order; the rebuild's processor takes over from there for the events appended meanwhile.
 * <p>
 * With more than one segment, the events are handed to one worker thread per segment, routed by the group's
 * sequencing policy like a processor's segments, so one tenant's events stay in order on one thread.
 */
final class BulkCatchUp {

    private static final int CHUNK = 256;
    private static final int QUEUED_CHUNKS = 8;

    private final MongoCollection<Document> events;
    private final EventEntryConfiguration layout = EventEntryConfiguration.getDefault();
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final Duration lookBack;
    private final EventHandlerInvoker invoker;
    private final SequencingPolicy<? super EventMessage<?>> sequencing;
    private final WriteBehindCollections cache;
    private final int fetchSize;
    private final long flushEvery;
    private final List<Segment> segments;
    private final int chunkSize;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean stopped;
    private volatile Instant position;
    private volatile long eventsRead;

    BulkCatchUp(RebuildContext context, String group, EventHandlerInvoker invoker, WriteBehindCollections cache,
                int segments, int fetchSize, long flushEvery) {
        this(context.positions.events(), context.eventSerializer(), context.upcasters(), context.lookBackTime(),
                context.sequencingPolicy(group), invoker, cache, segments, fetchSize, flushEvery);
    }

    BulkCatchUp(MongoCollection<Document> events, Serializer serializer, EventUpcaster upcasters, Duration lookBack,
                SequencingPolicy<? super EventMessage<?>> sequencing, EventHandlerInvoker invoker,
                WriteBehindCollections cache, int segments, int fetchSize, long flushEvery) {
        this.events = events;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.lookBack = lookBack;
        this.sequencing = sequencing;
        this.invoker = invoker;
        this.cache = cache;
        this.fetchSize = fetchSize;
        this.flushEvery = flushEvery;
        this.chunkSize = (int) Math.min(CHUNK, Math.max(1, flushEvery));
        this.segments = segments == 1 ? List.of(Segment.ROOT_SEGMENT)
                : Segment.splitBalanced(Segment.ROOT_SEGMENT, segments - 1);
    }

    /**
     * Handles every event with a timestamp up to {@code until} and writes what the handlers changed.
     *
     * @return the token after the last event, or empty when there was none; empty as well after {@link #stop()}
     */
    Optional<MongoTrackingToken> run(Instant until) throws Exception {
        try {
            return pass(until);
        } finally {
            // a finished rebuild stays listed (and referenced) until the next one of its group
            cache.release();
        }
    }

    private Optional<MongoTrackingToken> pass(Instant until) throws Exception {
        List<Worker> workers = segments.stream().map(Worker::new).toList();
        workers.forEach(Worker::start);
        TokenWindow window = new TokenWindow(lookBack);
        long sinceFlush = 0;
        try (MongoCursor<Document> cursor = events
                .find(Filters.lte(layout.timestampProperty(), DateTimeUtils.formatInstant(until)))
                .sort(Sorts.ascending(layout.timestampProperty(), layout.sequenceNumberProperty()))
                .batchSize(fetchSize).iterator()) {
            List<TrackedEventData<?>> chunk = new ArrayList<>(chunkSize);
            while (cursor.hasNext() && !stopped) {
                EventEntry entry = new EventEntry(cursor.next(), layout);
                Instant at = entry.getTimestamp();
                window.advance(at, entry.getEventIdentifier());
                // the event's own position, which resuming from would only repeat events: handlers read it as a
                // replay mark, and the pass ends with the window's exact token
                MongoTrackingToken own = MongoTrackingToken.of(at, entry.getEventIdentifier());
                chunk.add(new TrackedDomainEventData<>(own, new ParsedTimestamp<>(entry, at)));
                if (chunk.size() == chunkSize) {
                    dispatch(chunk, workers);
                    position = at;
                    eventsRead += chunk.size();
                    chunk = new ArrayList<>(chunkSize);
                    sinceFlush += chunkSize;
                    if (sinceFlush >= flushEvery) {
                        // bounded memory: whatever the workers changed so far goes out, the cache may be dropped
                        awaitIdle(workers);
                        cache.flush();
                        sinceFlush = 0;
                    }
                }
            }
            dispatch(chunk, workers);
            awaitIdle(workers);
            position = window.newest().orElse(null);
            eventsRead += chunk.size();
        } finally {
            workers.forEach(Worker::finish);
        }
        if (stopped) {
            return Optional.empty();
        }
        cache.flush();
        return window.token();
    }

    /** Ends the pass at the next event; nothing more is written. */
    void stop() {
        stopped = true;
    }

    /** What the write-behind cache did, for the log. */
    WriteBehindCollections.Stats statistics() {
        return cache.stats();
    }

    /**
     * Events handed to the handlers so far. The pass reads every stored event once, so the store's count less this is
     * how many are still to go, without counting them (on the stand-in a count reads every event it counts).
     */
    long eventsRead() {
        return eventsRead;
    }

    /** The timestamp of the newest event handed to the handlers so far. */
    Optional<Instant> position() {
        return Optional.ofNullable(position);
    }

    private void dispatch(List<TrackedEventData<?>> chunk, List<Worker> workers) throws Exception {
        if (chunk.isEmpty()) {
            return;
        }
        List<List<EventMessage<?>>> slices = new ArrayList<>();
        workers.forEach(worker -> slices.add(new ArrayList<>()));
        EventUtils.upcastAndDeserializeTrackedEvents(chunk.stream(), serializer, upcasters).forEach(message ->
                slices.get(workers.size() == 1 ? 0 : segmentOf(message)).add(message));
        for (int i = 0; i < workers.size(); i++) {
            if (!slices.get(i).isEmpty()) {
                workers.get(i).submit(slices.get(i));
            }
        }
        rethrowFailure();
    }

    private int segmentOf(EventMessage<?> message) {
        Object sequence = sequencing.getSequenceIdentifierFor(message);
        int hash = Objects.hashCode(sequence == null ? message.getIdentifier() : sequence);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).matches(hash)) {
                return i;
            }
        }
        throw new IllegalStateException("no segment matches " + hash);
    }

    private void awaitIdle(List<Worker> workers) throws Exception {
        CountDownLatch idle = new CountDownLatch(workers.size());
        for (Worker worker : workers) {
            worker.submit(idle);
        }
        idle.await();
        rethrowFailure();
    }

    private void rethrowFailure() throws Exception {
        Exception failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    /** One segment's thread: handles its events in order, each in its own unit of work like a processor would. */
    private final class Worker {

        private final Segment segment;
        private final BlockingQueue<Object> work = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        private final Thread thread;

        Worker(Segment segment) {
            this.segment = segment;
            this.thread = new Thread(this::loop, "rebuild-bulk-" + segment.getSegmentId());
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void submit(Object item) throws InterruptedException {
            work.put(item);
        }

        void finish() {
            thread.interrupt();
        }

        private void loop() {
            try {
                while (true) {
                    Object item = work.take();
                    if (item instanceof CountDownLatch idle) {
                        idle.countDown();
                    } else if (failure.get() == null && !stopped) {
                        for (Object message : (List<?>) item) {
                            handle((EventMessage<?>) message);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure.compareAndSet(null, e);
                drainLatches();
            }
        }

        /** After a failure the reader may still wait for this worker: let it go. */
        private void drainLatches() {
            try {
                while (true) {
                    if (work.take() instanceof CountDownLatch idle) {
                        idle.countDown();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void handle(EventMessage<?> message) throws Exception {
            ResultMessage<?> result = DefaultUnitOfWork.startAndGet(message).executeWithResult(() -> {
                invoker.handle(message, segment);
                return null;
            });
            if (result.isExceptional()) {
                Throwable cause = result.exceptionResult();
                throw cause instanceof Exception exception ? exception : new IllegalStateException(cause);
            }
        }
    }
}
