package dev.tenancy.query.replay;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The progress answers: every group's live processor, its running and last rebuild, its dead letters. */
@Component
class ProjectionProgress {

    private final ProjectionRebuilds rebuilds;
    private final RebuildContext context;
    private final ProcessorMeters meters;

    ProjectionProgress(ProjectionRebuilds rebuilds, RebuildContext context, ProcessorMeters meters) {
        this.rebuilds = rebuilds;
        this.context = context;
        this.meters = meters;
    }

    ProjectionList all() {
        StoreSnapshot store = snapshot();
        List<ProjectionView> views = rebuilds.groups().stream().map(group -> view(group, store)).toList();
        return new ProjectionList(store.total(), store.head().map(EventStoreHead::timestamp).orElse(null), views);
    }

    ProjectionView one(String group) {
        if (!rebuilds.groups().contains(group)) {
            throw ReplayProblems.projectionNotFound(group);
        }
        return view(group, snapshot());
    }

    private ProjectionView view(String group, StoreSnapshot store) {
        StreamingEventProcessor live = context.liveProcessor(group);
        List<SegmentView> segments = Progress.segments(live.processingStatus(), store, context.positions);
        long done = Progress.done(segments, store.total());
        double rate = meters.of(group).perSecond();
        ProgressView progress = new ProgressView(group, live.isRunning(), done, store.total(),
                Progress.percent(done, store.total()), Progress.round(rate), Progress.eta(store.total() - done, rate),
                segments);
        Optional<RebuildableReadModel> model = rebuilds.model(group);
        Map<String, String> collections = model.map(m -> context.registry.physical(m.collections())).orElse(Map.of());
        long deadLetters = context.processing.deadLetterQueue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
        return new ProjectionView(group, rebuilds.rebuilding(group) ? "REBUILDING" : "LIVE", model.isPresent(),
                collections, deadLetters, progress,
                rebuilds.running(group).map(rebuild -> rebuild.view(store)).orElse(null),
                rebuilds.lastFinished(group).map(rebuild -> rebuild.view(store)).orElse(null));
    }

    private StoreSnapshot snapshot() {
        return new StoreSnapshot(context.positions.total(), context.positions.head());
    }
}
