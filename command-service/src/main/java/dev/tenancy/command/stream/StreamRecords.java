package dev.tenancy.command.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.platform.axon.Serializers;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Revision;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a stored event into its stream record: key = tenant id, value = the JSON envelope, headers = the metadata
 * (plus eventId and eventType), all as UTF-8 strings. The payload is written by the event store's own mapper, so it
 * has the stored shape documented in docs/events.md.
 */
final class StreamRecords {

    static final String EVENT_ID_HEADER = "eventId";
    static final String EVENT_TYPE_HEADER = "eventType";

    private final ObjectMapper mapper = Serializers.messages().getObjectMapper();
    private final String topic;

    StreamRecords(String topic) {
        this.topic = topic;
    }

    ProducerRecord<String, byte[]> of(EventMessage<?> event) {
        String tenantId = EventTenant.of(event);
        Map<String, Object> metadata = new TreeMap<>(event.getMetaData());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, tenantId, envelope(event, tenantId,
                metadata));
        record.headers().add(EVENT_ID_HEADER, utf8(event.getIdentifier()));
        record.headers().add(EVENT_TYPE_HEADER, utf8(event.getPayloadType().getName()));
        metadata.forEach((key, value) -> {
            if (value != null) {
                record.headers().add(key, utf8(value.toString()));
            }
        });
        return record;
    }

    private byte[] envelope(EventMessage<?> event, String tenantId, Map<String, Object> metadata) {
        Class<?> type = event.getPayloadType();
        Revision revision = type.getAnnotation(Revision.class);
        ObjectNode envelope = mapper.createObjectNode()
                .put("eventId", event.getIdentifier())
                .put("type", type.getName())
                .put("name", type.getSimpleName())
                .put("revision", revision == null ? null : revision.value());
        if (event instanceof DomainEventMessage<?> domainEvent) {
            envelope.put("aggregateId", domainEvent.getAggregateIdentifier())
                    .put("aggregateType", domainEvent.getType())
                    .put("sequence", domainEvent.getSequenceNumber());
        } else {
            envelope.putNull("aggregateId").putNull("aggregateType").putNull("sequence");
        }
        envelope.put("timestamp", event.getTimestamp().toString())
                .put("tenantId", tenantId);
        envelope.set("payload", mapper.valueToTree(event.getPayload()));
        envelope.set("metadata", mapper.valueToTree(metadata));
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the stream envelope of event " + event.getIdentifier(), e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
