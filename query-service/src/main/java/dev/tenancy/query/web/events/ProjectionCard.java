package dev.tenancy.query.web.events;

import dev.tenancy.query.replay.ProgressView;
import dev.tenancy.query.replay.ProjectionView;
import dev.tenancy.query.replay.RebuildPhase;
import dev.tenancy.query.replay.RebuildView;
import dev.tenancy.query.replay.SegmentView;

import java.util.Objects;

/**
 * One projection as the projections page shows it. Its lag is the slowest segment's (the read model is only as
 * current as that). projections.js words the polled answers the same way, so keep both in step.
 */
public record ProjectionCard(ProjectionView view, long lagEvents, Double lagSeconds) {

    public static ProjectionCard of(ProjectionView view) {
        ProgressView live = view.live();
        long events = live.segments().stream().mapToLong(SegmentView::eventsBehind).max().orElse(live.eventsTotal());
        Double seconds = live.segments().stream().map(SegmentView::secondsBehind).filter(Objects::nonNull)
                .max(Double::compare).orElse(null);
        return new ProjectionCard(view, events, seconds);
    }

    public boolean rebuilding() {
        return "REBUILDING".equals(view.state());
    }

    public String events() {
        ProgressView live = view.live();
        return live.eventsDone() + " of " + live.eventsTotal() + " (" + live.percent() + "%)";
    }

    public String lag() {
        return lagEvents + " events, " + (lagSeconds == null ? "not started" : lagSeconds + " s");
    }

    /** The rebuild to show: the running one, else the last finished (null when none ran since start). */
    public RebuildView rebuild() {
        return view.rebuild() != null ? view.rebuild() : view.lastRebuild();
    }

    /** An empty store still completes: the bar then runs from 0 to 1. */
    public long progressMax() {
        RebuildView rebuild = rebuild();
        return rebuild == null ? 1 : Math.max(1, rebuild.eventsTotal());
    }

    public long progressValue() {
        RebuildView rebuild = rebuild();
        if (rebuild == null) {
            return 0;
        }
        return rebuild.phase() == RebuildPhase.COMPLETED ? progressMax() : Math.min(rebuild.eventsDone(),
                progressMax());
    }

    public String rebuildStatus() {
        RebuildView rebuild = rebuild();
        if (rebuild == null) {
            return "Not replayed since the service started.";
        }
        return switch (rebuild.phase()) {
            case COMPLETED -> "Replay completed: " + rebuild.eventsTotal() + " events.";
            case FAILED -> "Replay failed: " + rebuild.error();
            case SWITCHING -> "Replay caught up; switching readers to the rebuilt model.";
            default -> "Replaying: " + rebuild.eventsDone() + " of " + rebuild.eventsTotal() + " events ("
                    + rebuild.percent() + "%).";
        };
    }
}
