package dev.tenancy.command.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The Kafka event stream ({@code docs/operations-stream.md}).
 *
 * @param enabled     publish every stored event to {@code topic}
 * @param topic       the topic, created with {@code partitions} if it does not exist; an existing one is left as it is
 * @param partitions  partitions of a newly created topic; raising them later moves tenants to other partitions
 * @param batchSize   events per unit of work: all records of a batch are sent, then all acknowledgements awaited, and
 *                    only then the processor's token stored
 * @param segments    processor segments (and threads); events are sequenced per tenant, so any number keeps each
 *                    tenant's events in order
 * @param sendTimeout how long the producer keeps trying to deliver a record (Kafka's delivery timeout); after that
 *                    the batch fails and the processor retries it. Keep it (plus 5 s) below the event processors'
 *                    unit-of-work timeout ({@code axon.timeout.transaction.event-processors.timeout-ms}, 10 minutes
 *                    in the platform's defaults), which interrupts a batch that waits longer
 */
@ConfigurationProperties("tenancy.event-stream")
public record EventStreamProperties(Boolean enabled, String topic, Integer partitions, Integer batchSize,
                                    Integer segments, Duration sendTimeout) {

    public static final String DEFAULT_TOPIC = "tenant-events";

    public EventStreamProperties {
        enabled = enabled == null || enabled;
        topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic;
        partitions = partitions == null ? 6 : partitions;
        batchSize = batchSize == null ? 100 : batchSize;
        segments = segments == null ? 1 : segments;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(20) : sendTimeout;
        if (partitions < 1 || batchSize < 1 || segments < 1) {
            throw new IllegalArgumentException("tenancy.event-stream partitions, batch-size and segments must be >= 1");
        }
        if (sendTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("tenancy.event-stream.send-timeout must be at least 1s");
        }
    }
}
