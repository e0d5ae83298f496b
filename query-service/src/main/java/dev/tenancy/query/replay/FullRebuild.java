package dev.tenancy.query.replay;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Rebuilds a processing group into shadow collections while the live read model stays served, then switches.
 * <ol>
 * <li>A second streaming processor ({@code <group>__r<generation>}, pooled or tracking, its own tokens, starting at
 * the tail, reading the store in large batches) runs a fresh
 * instance of the projection bound to the shadow collections ({@code <logical>__r<generation>}); every event reaches
 * it as a replay, so {@code @DisallowReplay} handlers never fire.</li>
 * <li>Once every segment has caught up (its position within a second of the newest event), the live processor is
 * paused on every node (this one stops its own and asks the others through the registry, then waits until they have
 * let go of their segments), the rebuild goes on to the newest event as of that moment, and stops.</li>
 * <li>The registry is switched (readers and the live projection move to the shadow collections), the rebuild's
 * dead letters replace the live group's, the live processor's token is set to the lowest of the rebuild's segment
 * tokens and it resumes; events between that and where a segment stopped are applied twice, which the idempotent
 * handlers absorb. The replaced collections are dropped after {@link ReplayProperties#retireAfter()}.</li>
 * </ol>
 * A crash before the switch leaves the live model untouched (the shadow is dropped at the next start); a crash after
 * it, before the token is set, lets the live processor resume from its old position into the new collections, which
 * again only re-applies events.
 */
final class FullRebuild implements Rebuild {

    private static final Logger log = LoggerFactory.getLogger(FullRebuild.class);
    private static final Duration CLOSE_ENOUGH = Duration.ofSeconds(1);
    private static final int MAX_SWITCH_ATTEMPTS = 3;
    private static final Duration HEAD_CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(1);
    private static final Duration CLAIM_POLL = Duration.ofMillis(5);

    private final RebuildContext context;
    private final RebuildableReadModel model;
    private final String id;
    private final String processorName;
    private final Map<String, String> shadow = new LinkedHashMap<>();
    private final RebuildOptions options;
    private final int segments;
    private final Instant startedAt = Instant.now();
    private final RateMeter handled = new RateMeter();
    private final SequencedDeadLetterQueue<EventMessage<?>> parked;
    private volatile RebuildPhase phase = RebuildPhase.CATCHING_UP;
    private volatile Instant caughtUpAt;
    private volatile Instant finishedAt;
    private volatile long eventsAtCatchUp;
    private volatile long handedOver;
    private volatile String error;
    private volatile StreamingEventProcessor processor;
    private EmbeddedEventStore source;
    private volatile BulkCatchUp bulk;
    private volatile Instant bulkFinishedAt;
    private final List<ScheduledExecutorService> executors = new ArrayList<>();
    private int failedSwitches;
    private long nextHeadCheck;

    FullRebuild(RebuildContext context, RebuildableReadModel model, String id, long generation,
                RebuildOptions options) {
        this.context = context;
        this.model = model;
        this.id = id;
        this.processorName = shadowName(model.group(), generation);
        model.collections().forEach(logical -> shadow.put(logical, shadowName(logical, generation)));
        this.options = options;
        this.segments = options.segments();
        this.parked = context.queues.queue(processorName);
    }

    static String shadowName(String name, long generation) {
        return name + "__r" + generation;
    }

    void start() {
        context.drop(shadow.values());
        parked.clear();
        context.deleteTokens(processorName);
        source = context.eventSource(options.fetchSize());
        if (!options.bulk()) {
            startProcessor(null);
            return;
        }
        WriteBehindCollections cache = new WriteBehindCollections(
                ReadModelCollections.fixed(context.database(), shadow), context.properties.bulkCacheDocuments());
        bulk = new BulkCatchUp(context, model.group(), invoker(cache), cache, segments, options.fetchSize(),
                context.properties.bulkFlushEvents());
        Thread pass = new Thread(this::runBulk, processorName + "-bulk");
        pass.setDaemon(true);
        pass.start();
        log.info("Rebuild {} of {} started: a bulk pass with {} segment(s), reading {} per round trip, into {}",
                id, model.group(), segments, options.fetchSize(), shadow.values());
    }

    /** The bulk pass, then the processor from where it ended; nothing of it survives an abort meanwhile. */
    private void runBulk() {
        try {
            Optional<EventStoreHead> head = context.positions.head();
            Optional<MongoTrackingToken> reached = head.isEmpty() ? Optional.empty()
                    : bulk.run(head.get().timestamp());
            bulkFinishedAt = Instant.now();
            boolean handedOver;
            synchronized (this) {
                handedOver = phase == RebuildPhase.CATCHING_UP;
                if (handedOver) {
                    log.info("Rebuild {} of {}: bulk pass done in {} ms, {}", id, model.group(),
                            Duration.between(startedAt, bulkFinishedAt).toMillis(), bulk.statistics());
                    startProcessor(reached.orElse(null));
                }
            }
            if (handedOver) {
                tickOnceClaimed();
                return;
            }
        } catch (Exception e) {
            synchronized (this) {
                if (phase == RebuildPhase.CATCHING_UP) {
                    log.warn("Rebuild {} of {}: the bulk pass failed", id, model.group(), e);
                    fail("the bulk pass failed: " + e.getMessage());
                    return;
                }
            }
        }
        // aborted while the pass still wrote: its last flush may have come after the shadow was dropped
        context.drop(shadow.values());
    }

    /**
     * The bulk pass ends near the newest event as a rule, so the switch need not wait for the next tick: it is tried
     * as soon as the processor has claimed its segments (a few milliseconds).
     */
    private void tickOnceClaimed() {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (processor.processingStatus().size() < segments && System.nanoTime() < deadline) {
            LockSupport.parkNanos(CLAIM_POLL.toNanos());
        }
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Rebuild {} of {} failed unexpectedly", id, model.group(), e);
            abort("failed unexpectedly: " + e.getMessage());
        }
    }

    /** The group's handlers, fresh, bound to {@code collections}, parking failed events like the live group. */
    private ReplayMarkingInvoker invoker(ReadModelCollections collections) {
        List<Object> handlers = model.handlers().apply(collections);
        DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(handlers.stream().map(context::handlers).toList())
                .queue(parked)
                .sequencingPolicy(context.sequencingPolicy(model.group()))
                .transactionManager(context.transactionManager(model.group()))
                .enableSequenceIdentifierCache()
                .build();
        return new ReplayMarkingInvoker(invoker, id, handled);
    }

    /** @param from where the processor starts; null: the oldest event */
    private void startProcessor(TrackingToken from) {
        ReplayMarkingInvoker marking = invoker(ReadModelCollections.fixed(context.database(), shadow));
        processor = ReplayProperties.TRACKING.equals(options.processor()) ? tracking(marking, from)
                : pooled(marking, from);
        processor.start();
        log.info("Rebuild {} of {}: {} processor started from {}, {} segment(s), batches of {}, reading {} per "
                + "query, into {}", id, model.group(), options.processor(), from == null ? "the oldest event" : from,
                segments, options.batchSize(), options.fetchSize(), shadow.values());
    }

    /** Explicitly the tail or the bulk pass's end: the default would be a replay token, and a copied one must be plain. */
    private static Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken> initial(TrackingToken from) {
        return from == null ? StreamableMessageSource::createTailToken : source -> from;
    }

    /** Every segment's thread reads the store itself. */
    private StreamingEventProcessor tracking(ReplayMarkingInvoker invoker, TrackingToken from) {
        return TrackingEventProcessor.builder()
                .name(processorName)
                .eventHandlerInvoker(invoker)
                .messageSource(source)
                .tokenStore(context.tokenStore(model.group()))
                .transactionManager(context.transactionManager(model.group()))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(segments)
                        .andInitialSegmentsCount(segments)
                        .andBatchSize(options.batchSize())
                        .andInitialTrackingToken(initial(from)))
                .build();
    }

    /** One coordinator reads the store once and hands each segment's events to its worker. */
    private StreamingEventProcessor pooled(ReplayMarkingInvoker invoker, TrackingToken from) {
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(named("coordinator"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(segments, named("worker"));
        executors.add(coordinator);
        executors.add(workers);
        return PooledStreamingEventProcessor.builder()
                .name(processorName)
                .eventHandlerInvoker(invoker)
                .messageSource(source)
                .tokenStore(context.tokenStore(model.group()))
                .transactionManager(context.transactionManager(model.group()))
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .maxClaimedSegments(segments)
                .batchSize(options.batchSize())
                .initialToken(initial(from))
                .build();
    }

    private ThreadFactory named(String role) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, processorName + "-" + role + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops the rebuild's processor and what feeds it. */
    private void stopProcessor() {
        if (bulk != null) {
            bulk.stop();
        }
        if (processor != null) {
            processor.shutDown();
        }
        executors.forEach(ExecutorService::shutdownNow);
        if (source != null) {
            source.shutDown();
        }
    }

    /** Synchronized with {@link #abort}: a shutdown waits for a switch in progress rather than cut it in half. */
    @Override
    public synchronized void tick() {
        if (phase != RebuildPhase.CATCHING_UP || processor == null) {
            return;
        }
        if (!context.registry.heartbeat(model.group(), id)) {
            fail("the rebuild lost its lease (another node took the group over)");
            return;
        }
        if (caughtUp()) {
            switchOver();
        }
    }

    private boolean caughtUp() {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        // positions only: a processor flags itself caught up at its next look at the stream, up to 500 ms on
        if (status.size() < segments || System.nanoTime() < nextHeadCheck) {
            return false;
        }
        // reading the newest event sorts the event collection on the stand-in: not more than once a second
        nextHeadCheck = System.nanoTime() + HEAD_CHECK_INTERVAL.toNanos();
        Optional<EventStoreHead> head = context.positions.head();
        Instant closeEnough = head.map(h -> h.timestamp().minus(CLOSE_ENOUGH)).orElse(Instant.MIN);
        return head.isEmpty() || status.values().stream().allMatch(tracker ->
                EventStorePositions.position(tracker.getTrackingToken()).filter(at -> !at.isBefore(closeEnough))
                        .isPresent());
    }

    private void switchOver() {
        phase = RebuildPhase.SWITCHING;
        caughtUpAt = Instant.now();
        eventsAtCatchUp = context.positions.total();
        StreamingEventProcessor live = context.liveProcessor(model.group());
        boolean paused = false;
        boolean switched = false;
        try {
            if (!context.registry.pauseOtherNodes(model.group(), id, true)) {
                throw new IllegalStateException("the rebuild lost its lease before the switch");
            }
            live.shutDown();
            paused = true;
            if (!context.awaitOtherNodesPaused(model.group(), context.properties.switchTimeout())) {
                resumeEverywhere(live);
                paused = false;
                retryLater("other nodes still held " + context.claimsOfOtherNodes(model.group()) + " after "
                        + context.properties.switchTimeout());
                return;
            }
            Optional<EventStoreHead> target = context.positions.head();
            Optional<Map<Integer, TrackingToken>> tokens = tokensAt(target);
            if (tokens.isEmpty()) {
                resumeEverywhere(live);
                paused = false;
                retryLater("the rebuild did not reach the newest event within " + context.properties.switchTimeout());
                return;
            }
            stopProcessor();
            TrackingToken resumeAt = lowest(tokens.get().values());
            Map<String, String> replaced = context.registry.physical(model.collections());
            List<String> retired = replaced.values().stream().filter(name -> !shadow.containsValue(name)).toList();
            if (!context.registry.switchTo(model.group(), id, shadow, retired)) {
                throw new IllegalStateException("the rebuild lost its lease before the switch");
            }
            switched = true;
            handOverDeadLetters();
            context.storeTokens(model.group(), resumeAt);
            live.start();
            paused = false;
            context.deleteTokens(processorName);
            finishedAt = Instant.now();
            phase = RebuildPhase.COMPLETED;
            log.info("Rebuild {} of {} switched: {} now served from {}; retiring {}", id, model.group(),
                    model.collections(), shadow.values(), retired);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted during the switch");
        } catch (RuntimeException e) {
            if (switched) {
                // the new collections are live: the live processor resumes from where it was, re-applying events
                error = "switched, but finishing the switch failed: " + e.getMessage();
                finishedAt = Instant.now();
                phase = RebuildPhase.COMPLETED;
                log.warn("Rebuild {} of {}: {}", id, model.group(), error, e);
            } else {
                fail(e.getMessage());
            }
        } finally {
            if (paused) {
                live.start();
            }
        }
    }

    /** The live processor runs again here, and the other nodes may resume theirs. */
    private void resumeEverywhere(StreamingEventProcessor live) {
        context.registry.pauseOtherNodes(model.group(), id, false);
        live.start();
    }

    /** The rebuild's segment tokens once each has passed {@code target}; empty if that takes too long. */
    private Optional<Map<Integer, TrackingToken>> tokensAt(Optional<EventStoreHead> target) {
        long deadline = System.nanoTime() + context.properties.switchTimeout().toNanos();
        while (true) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            boolean reached = status.size() >= segments && status.values().stream().allMatch(tracker ->
                    target.isEmpty() || EventStorePositions.reached(tracker.getTrackingToken(), target.get()));
            if (reached) {
                Map<Integer, TrackingToken> tokens = new LinkedHashMap<>();
                status.forEach((segment, tracker) -> tokens.put(segment, tracker.getTrackingToken()));
                return Optional.of(tokens);
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Where every segment has been: the live processor resumes there (null: from the start). */
    private static TrackingToken lowest(Collection<TrackingToken> tokens) {
        TrackingToken lowest = null;
        boolean first = true;
        for (TrackingToken token : tokens) {
            TrackingToken plain = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (plain == null) {
                return null;
            }
            lowest = first ? plain : lowest.lowerBound(plain);
            first = false;
        }
        return lowest;
    }

    /** The rebuilt model's parked events replace the old model's: they are what the new model lacks. */
    private void handOverDeadLetters() {
        context.processing.deadLetterQueue(model.group()).ifPresent(live -> {
            live.clear();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : parked.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    live.enqueue(context.sequenceId(model.group(), letter.message()), letter);
                    handedOver++;
                }
            }
        });
        parked.clear();
    }

    private void retryLater(String reason) {
        failedSwitches++;
        if (failedSwitches >= MAX_SWITCH_ATTEMPTS) {
            fail(reason + ", " + failedSwitches + " times");
            return;
        }
        log.warn("Rebuild {} of {}: {}; the live processor resumed, trying again", id, model.group(), reason);
        caughtUpAt = null;
        phase = RebuildPhase.CATCHING_UP;
    }

    private void fail(String reason) {
        error = reason;
        log.warn("Rebuild {} of {} failed: {}; the live model was not touched", id, model.group(), reason);
        cleanUp();
        finishedAt = Instant.now();
        phase = RebuildPhase.FAILED;
    }

    @Override
    public synchronized void abort(String reason) {
        if (phase == RebuildPhase.CATCHING_UP) {
            fail(reason);
        }
    }

    private void cleanUp() {
        try {
            stopProcessor();
            context.drop(shadow.values());
            parked.clear();
            context.deleteTokens(processorName);
        } finally {
            context.registry.release(model.group(), id);
        }
    }

    @Override
    public RebuildView view(StoreSnapshot store) {
        StreamingEventProcessor running = processor;
        BulkCatchUp pass = bulk;
        boolean active = running != null && !phase.finished();
        boolean bulkActive = running == null && pass != null && !phase.finished();
        List<SegmentView> lag = active ? Progress.segments(running.processingStatus(), store, context.positions)
                : bulkActive ? List.of(Progress.segment(0, pass.position(),
                Math.max(0, store.total() - pass.eventsRead()), false, true, null, store)) : List.of();
        long total = active || bulkActive || eventsAtCatchUp == 0 ? store.total() : eventsAtCatchUp;
        long done = active || bulkActive ? Progress.done(lag, total) : phase == RebuildPhase.COMPLETED ? total : 0;
        double rate = active || bulkActive ? handled.perSecond() : 0;
        Instant until = caughtUpAt != null ? caughtUpAt : finishedAt != null ? finishedAt : Instant.now();
        long passed = caughtUpAt != null ? eventsAtCatchUp : done;
        double seconds = Math.max(0.001, Duration.between(startedAt, until).toMillis() / 1000.0);
        return new RebuildView(id, model.group(), RebuildKind.FULL, null, phase, startedAt, caughtUpAt, finishedAt,
                options.processor(), segments, options.batchSize(), options.fetchSize(), options.bulk(),
                bulkFinishedAt, Map.copyOf(shadow), done,
                total, Progress.percent(done, total), Progress.round(rate), Progress.round(passed / seconds),
                phase.finished() ? null : Progress.eta(total - done, rate), lag,
                active ? parked.size() : handedOver, error);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String group() {
        return model.group();
    }

    @Override
    public RebuildKind kind() {
        return RebuildKind.FULL;
    }

    @Override
    public RebuildPhase phase() {
        return phase;
    }
}
