package dev.tenancy.query.replay;

import java.util.List;

/** A processing group's dead-letter queue. */
public record DeadLetterGroupView(String group, long size, List<DeadLetterSequenceView> sequences) {
}
