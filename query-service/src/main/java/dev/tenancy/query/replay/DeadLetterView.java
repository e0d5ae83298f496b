package dev.tenancy.query.replay;

import java.time.Instant;

/**
 * One parked event: which it is and why it failed. The payload is not shown (it may hold what only the tenant may
 * see); the event store has it under {@code eventId}.
 */
public record DeadLetterView(String eventId, String eventType, String aggregateId, Long aggregateSequence,
                             Instant eventTimestamp, boolean replay, Instant enqueuedAt, Instant lastTouched,
                             String causeType, String causeMessage) {
}
