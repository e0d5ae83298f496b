package dev.tenancy.query.web.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.query.console.StoredEvent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One stored event as the console's tables show it: the metadata the platform attaches to every event (tenant,
 * actor, correlation) pulled out of its JSON. events.js builds the same row from a live event, so both read alike.
 */
public record EventRow(String eventId, Instant timestamp, String time, String typeName, String payloadType,
                       String aggregateType, String aggregateId, Long sequence, String tenantId, String actorId,
                       String actingSuperadmin, String correlationId, String causationId) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);
    /** The only aggregate whose past state the command side rebuilds (AggregateTimeTravel). */
    static final String TIME_TRAVEL_AGGREGATE = "TenantAggregate";

    public static EventRow of(StoredEvent event) {
        JsonNode metadata = event.metadata();
        return new EventRow(event.eventId(), event.timestamp(), time(event.timestamp()),
                simpleName(event.payloadType()), event.payloadType(), event.aggregateType(), event.aggregateId(),
                event.sequence(), text(metadata, "tenantId"), text(metadata, "actorId"),
                text(metadata, "actingSuperadmin"), text(metadata, "correlationId"), text(metadata, "causationId"));
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    /** Whether the command side can show the aggregate's state after this event. */
    public boolean timeTravel() {
        return TIME_TRAVEL_AGGREGATE.equals(aggregateType) && aggregateId != null && sequence != null;
    }

    static String simpleName(String type) {
        if (type == null) {
            return null;
        }
        int cut = Math.max(type.lastIndexOf('.'), type.lastIndexOf('$'));
        return type.substring(cut + 1);
    }

    private static String text(JsonNode metadata, String key) {
        if (metadata == null) {
            return null;
        }
        JsonNode value = metadata.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
