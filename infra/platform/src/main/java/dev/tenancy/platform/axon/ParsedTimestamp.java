package dev.tenancy.platform.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedObject;

import java.time.Instant;

/**
 * An event as stored, with its timestamp parsed once: axon-mongo's entry parses the text on every call, and a reader
 * needs it for the tracking token while the handlers ask again (a {@code @Timestamp} parameter, the message itself).
 */
public record ParsedTimestamp<T>(DomainEventData<T> stored, Instant timestamp) implements DomainEventData<T> {

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
    public SerializedObject<T> getMetaData() {
        return stored.getMetaData();
    }

    @Override
    public SerializedObject<T> getPayload() {
        return stored.getPayload();
    }
}
