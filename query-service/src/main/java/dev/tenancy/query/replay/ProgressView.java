package dev.tenancy.query.replay;

import java.util.List;

/**
 * A live processor's progress through the event store, on this node.
 *
 * @param eventsDone  stored events its slowest segment has passed
 * @param eventsTotal events in the store
 * @param rate        events handed to the projection per second over the last seconds
 * @param etaSeconds  events still to pass at {@code rate}; null when nothing moves
 */
public record ProgressView(String processor, boolean running, long eventsDone, long eventsTotal, double percent,
                           double rate, Double etaSeconds, List<SegmentView> segments) {
}
