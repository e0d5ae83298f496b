package dev.tenancy.query.console;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event as the store holds it (axon-mongo, one document per event), payload and metadata as JSON with anything
 * named like a secret masked. {@code aggregateType}, {@code aggregateId} and {@code sequence} are null for an event
 * published without an aggregate.
 */
public record StoredEvent(
        String eventId,
        Instant timestamp,
        String aggregateType,
        String aggregateId,
        Long sequence,
        String payloadType,
        String payloadRevision,
        JsonNode payload,
        JsonNode metadata) {
}
