package dev.tenancy.query.console;

import java.util.List;

/**
 * One aggregate's events in sequence order, from {@code fromSequence}; {@code nextFromSequence} continues the
 * history (null when nothing follows). Sits beside the state at a sequence number, which the command side rebuilds.
 */
public record AggregateHistory(String aggregateId, String aggregateType, long fromSequence, List<StoredEvent> items,
                               Long nextFromSequence) {
}
