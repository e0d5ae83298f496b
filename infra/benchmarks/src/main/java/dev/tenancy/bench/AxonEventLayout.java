package dev.tenancy.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Field names and time format of axon-mongo's document-per-event layout (EventEntry, default configuration). */
final class AxonEventLayout {

    static final String AGGREGATE = "aggregateIdentifier";
    static final String SEQUENCE = "sequenceNumber";
    static final String EVENT_ID = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD = "serializedPayload";
    static final String PAYLOAD_TYPE = "payloadType";

    /** Axon's DateTimeUtils format: always three fraction digits, so that strings sort in time order. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);

    private AxonEventLayout() {
    }

    static String timestamp(Instant instant) {
        return TIME.format(instant);
    }
}
