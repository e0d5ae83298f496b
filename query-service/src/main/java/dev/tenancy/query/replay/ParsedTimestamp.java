package dev.tenancy.query.replay;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedObject;

import java.time.Instant;

/**
 * An event as stored, with its timestamp parsed once: axon-mongo's entry parses the text on every call, and the bulk
 * pass needs it for the token while the handlers ask again (a {@code @Timestamp} parameter, the message itself).
 */
record ParsedTimestamp(DomainEventData<Object> stored, Instant timestamp) implements DomainEventData<Object> {

    @Override
    public String getType() {
        return stored.getType();
    }

    @Override
    public String getAggregateIdentifier() {
        return stored.getAggregateIdentifier();
    }

    @Override
    public long getSequenceNumber() {
        return stored.getSequenceNumber();
    }

    @Override
    public String getEventIdentifier() {
        return stored.getEventIdentifier();
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<Object> getMetaData() {
        return stored.getMetaData();
    }

    @Override
    public SerializedObject<Object> getPayload() {
        return stored.getPayload();
    }
}
