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
            Throwable error = tracker.isErrorState() ? tracker.getError() : null;
            segments.add(segment(id, EventStorePositions.position(tracker.getTrackingToken()), tracker.isCaughtUp(),
                    tracker.isReplaying(), error == null ? null : String.valueOf(error), store, positions));
        });
        return segments;
    }

    /** One segment at {@code position}: the timestamp of the newest event it passed, empty before the first. */
    static SegmentView segment(int id, Optional<Instant> position, boolean caughtUp, boolean replaying, String error,
                               StoreSnapshot store, EventStorePositions positions) {
        return segment(id, position, position.isEmpty() ? store.total() : positions.after(position), caughtUp,
                replaying, error, store);
    }

    /** One segment at {@code position} with {@code behind} events still to go, counted by whoever knows. */
    static SegmentView segment(int id, Optional<Instant> position, long behind, boolean caughtUp, boolean replaying,
                               String error, StoreSnapshot store) {
        Double seconds = position.flatMap(at -> store.head().map(head ->
                Math.max(0, head.timestamp().toEpochMilli() - at.toEpochMilli()) / 1000.0)).orElse(null);
        return new SegmentView(id, position.map(Instant::toString).orElse(null), behind, seconds, caughtUp, replaying,
                error);
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
