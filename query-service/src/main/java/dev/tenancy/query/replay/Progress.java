package dev.tenancy.query.replay;

import org.axonframework.eventhandling.EventTrackerStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Progress arithmetic shared by live processors and rebuilds. */
final class Progress {

    private Progress() {
    }

    static List<SegmentView> segments(Map<Integer, EventTrackerStatus> status, StoreSnapshot store,
                                      EventStorePositions positions) {
        List<SegmentView> segments = new ArrayList<>();
        new TreeMap<>(status).forEach((id, tracker) -> {
            Optional<Instant> position = EventStorePositions.position(tracker.getTrackingToken());
            long behind = position.isEmpty() ? store.total() : positions.after(position);
            Double seconds = position.flatMap(at -> store.head().map(head ->
                    Math.max(0, head.timestamp().toEpochMilli() - at.toEpochMilli()) / 1000.0)).orElse(null);
            Throwable error = tracker.isErrorState() ? tracker.getError() : null;
            segments.add(new SegmentView(id, position.map(Instant::toString).orElse(null), behind, seconds,
                    tracker.isCaughtUp(), tracker.isReplaying(), error == null ? null : String.valueOf(error)));
        });
        return segments;
    }

    /** What the slowest segment passed; nothing while no segment is claimed. */
    static long done(List<SegmentView> segments, long total) {
        return segments.isEmpty() ? 0
                : Math.max(0, total - segments.stream().mapToLong(SegmentView::eventsBehind).max().orElse(0));
    }

    static double percent(long done, long total) {
        return total == 0 ? 100.0 : Math.round(done * 1000.0 / total) / 10.0;
    }

    static Double eta(long remaining, double rate) {
        if (remaining <= 0) {
            return 0.0;
        }
        return rate <= 0 ? null : Math.round(remaining * 10.0 / rate) / 10.0;
    }

    static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
