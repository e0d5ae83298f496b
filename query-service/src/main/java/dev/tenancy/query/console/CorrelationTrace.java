package dev.tenancy.query.console;

import java.util.List;

/** Everything one request (or one message chain) caused, oldest first; {@code truncated} when capped. */
public record CorrelationTrace(String correlationId, List<StoredEvent> items, boolean truncated) {
}
