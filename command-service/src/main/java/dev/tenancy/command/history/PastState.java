package dev.tenancy.command.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** An aggregate's state after {@code sequence}, the last event replayed ({@code lastEventType} at {@code timestamp}). */
public record PastState(String aggregateId, String aggregateType, long sequence, Instant timestamp,
                        String lastEventType, JsonNode state) {
}
