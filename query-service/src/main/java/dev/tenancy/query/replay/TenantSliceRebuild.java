package dev.tenancy.query.replay;

import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds one tenant's documents of a read model in place: deletes them from every collection of the group and
 * applies the tenant's events again (its aggregate's stream, {@code EventStore.readEvents(tenantId, 0)}) through a
 * fresh projection instance writing to the live collections, as replays. Other tenants' documents are not touched.
 * <p>
 * The race with the live processor, which keeps projecting meanwhile: a live event of this tenant handled between
 * the delete and the re-application would find no document (an update is lost) or create one at its own, newer,
 * version (an upsert), after which the version guards refuse the tenant's older events. The {@link TenantFence}
 * prevents both: it waits for the tenant's live events in flight, then holds the tenant's next ones until the slice
 * is done. The fence is this node's; other nodes pause the group's live processor meanwhile (the slice asks them
 * through the registry and waits until they let go of their segments). Those held events are then applied on top of
 * the rebuilt documents; where the slice already applied them (it reads
 * the stream up to its end, which can be ahead of the live processor), the version guards make the second
 * application change nothing. That is why every handler must be idempotent.
 */
final class TenantSliceRebuild implements Rebuild {

    private static final Logger log = LoggerFactory.getLogger(TenantSliceRebuild.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final RebuildContext context;
    private final RebuildableReadModel model;
    private final String id;
    private final String tenantId;
    private final Instant startedAt = Instant.now();
    private final RateMeter handled = new RateMeter();
    private volatile RebuildPhase phase = RebuildPhase.RUNNING;
    private volatile long total;
    private volatile long applied;
    private volatile long evicted;
    private volatile Instant finishedAt;
    private volatile String error;

    TenantSliceRebuild(RebuildContext context, RebuildableReadModel model, String id, String tenantId) {
        this.context = context;
        this.model = model;
        this.id = id;
        this.tenantId = tenantId;
    }

    /** Runs the whole slice on the calling thread. */
    void run() {
        String group = model.group();
        boolean fenced = false;
        try {
            total = context.positions.ofAggregate(tenantId);
            context.registry.pauseOtherNodes(group, id, true);
            if (!context.awaitOtherNodesPaused(group, context.properties.switchTimeout())) {
                throw new IllegalStateException("other nodes still held " + context.claimsOfOtherNodes(group)
                        + " after " + context.properties.switchTimeout());
            }
            context.fence.raise(group, tenantId);
            fenced = true;
            for (String logical : model.collections()) {
                context.registry.get(logical).deleteMany(Filters.eq(model.tenantField(), tenantId));
            }
            String sequence = apply();
            evicted = sequence == null ? 0 : evictDeadLetters(sequence);
            phase = RebuildPhase.COMPLETED;
            log.info("Rebuild {} of {} for tenant {}: {} events applied, {} dead letters evicted", id, group,
                    tenantId, applied, evicted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed("interrupted", e);
        } catch (Exception e) {
            failed(e.getMessage(), e);
        } finally {
            if (fenced) {
                context.fence.lower(group, tenantId);
            }
            finishedAt = Instant.now();
            context.registry.release(group, id);
        }
    }

    /** @return the tenant's dead-letter sequence, or null when it has no events */
    private String apply() throws Exception {
        List<AnnotationEventHandlerAdapter> handlers = model.handlers().apply(context.registry).stream()
                .map(context::handlers).toList();
        TrackingToken atReset = context.eventStore.createHeadToken();
        String sequence = null;
        long lastBeat = System.nanoTime();
        DomainEventStream stream = context.eventStore.readEvents(tenantId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            sequence = sequence == null ? context.sequenceId(model.group(), event) : sequence;
            EventMessage<?> replay = ReplayMessages.asReplay(event, atReset, id);
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (!handler.canHandle(replay)) {
                    continue;
                }
                ResultMessage<?> result = DefaultUnitOfWork.startAndGet(replay)
                        .executeWithResult(() -> handler.handle(replay));
                if (result.isExceptional()) {
                    throw new IllegalStateException("event " + event.getSequenceNumber() + " ("
                            + event.getPayloadType().getSimpleName() + ") failed: "
                            + result.exceptionResult().getMessage(), result.exceptionResult());
                }
            }
            handled.mark();
            applied++;
            if (System.nanoTime() - lastBeat > HEARTBEAT.toNanos()) {
                context.registry.heartbeat(model.group(), id);
                lastBeat = System.nanoTime();
            }
        }
        return sequence;
    }

    /** Every event of the tenant is applied now, so what its sequence had parked is done with. */
    private long evictDeadLetters(String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = context.processing.deadLetterQueue(model.group())
                .orElse(null);
        if (queue == null) {
            return 0;
        }
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(letters::add);
        letters.forEach(queue::evict);
        return letters.size();
    }

    private void failed(String reason, Exception e) {
        error = reason;
        phase = RebuildPhase.FAILED;
        log.warn("Rebuild {} of {} for tenant {} failed after {} events: {}; its documents may be incomplete until "
                + "the slice or the whole group is rebuilt", id, model.group(), tenantId, applied, reason, e);
    }

    @Override
    public void tick() {
        // runs on its own thread from start to end
    }

    @Override
    public void abort(String reason) {
        // a slice is short and fenced; it finishes rather than leaving the tenant half deleted
    }

    @Override
    public RebuildView view(StoreSnapshot store) {
        long done = applied;
        long events = Math.max(total, done);
        Instant until = finishedAt != null ? finishedAt : Instant.now();
        double seconds = Math.max(0.001, Duration.between(startedAt, until).toMillis() / 1000.0);
        double rate = phase.finished() ? 0 : handled.perSecond();
        return new RebuildView(id, model.group(), RebuildKind.TENANT, tenantId, phase, startedAt, null, finishedAt,
                null, null, null, null, null, null, context.registry.physical(model.collections()), done, events,
                Progress.percent(done, events), Progress.round(rate), Progress.round(done / seconds),
                phase.finished() ? null : Progress.eta(events - done, rate), List.of(), evicted, error);
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
        return RebuildKind.TENANT;
    }

    @Override
    public RebuildPhase phase() {
        return phase;
    }
}
