package dev.tenancy.query.replay;

import java.util.List;

/** A parked sequence (a tenant's events, in order): the first failed, the rest wait behind it. */
public record DeadLetterSequenceView(String sequenceId, long size, List<DeadLetterView> letters) {
}
