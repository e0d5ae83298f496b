package dev.tenancy.query.replay;

/**
 * One segment of a processor: where it stands and how far behind the newest stored event it is.
 *
 * @param position      the timestamp of the newest event the segment passed (axon-mongo tracks by timestamp); null
 *                      before its first
 * @param eventsBehind  stored events after the position
 * @param secondsBehind the newest stored event's timestamp minus the position; null before the first event
 */
public record SegmentView(int segment, String position, long eventsBehind, Double secondsBehind, boolean caughtUp,
                          boolean replaying, String error) {
}
