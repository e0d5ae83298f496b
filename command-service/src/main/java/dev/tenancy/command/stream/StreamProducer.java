package dev.tenancy.command.stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An idempotent producer with {@code acks=all}: a record counts as published only once every in-sync replica has it,
 * and the producer's own retries never write it twice or out of order. While the broker is away the producer keeps
 * the records and retries for the send timeout; a broker back within it costs no failed batch at all.
 */
public class StreamProducer implements DisposableBean {

    /** The producer gives up on its own at the delivery timeout; this is only a backstop. */
    private static final Duration ACK_MARGIN = Duration.ofSeconds(5);
    private static final int LINGER_MS = 5;

    private final KafkaProducer<String, byte[]> producer;
    private final StreamTopic topic;
    private final Duration sendTimeout;

    public StreamProducer(Map<String, Object> producerProperties, Map<String, Object> adminProperties,
                          EventStreamProperties properties) {
        this.sendTimeout = properties.sendTimeout();
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // One request in flight: the idempotent producer is meant to keep up to five in order, but on a freshly
        // created partition (NOT_LEADER_OR_FOLLOWER, then a retry) we saw a later batch appended before the earlier
        // one, which would put a tenant's events out of order. Batching keeps throughput (see the stream docs).
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        int timeoutMs = (int) sendTimeout.toMillis();
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, timeoutMs - LINGER_MS));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "tenant-events-publisher");
        config.putAll(reconnects());
        this.producer = new KafkaProducer<>(config);
        Map<String, Object> admin = new HashMap<>(adminProperties);
        admin.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "tenant-events-topic");
        admin.putAll(reconnects());
        this.topic = new StreamTopic(admin, properties.topic(), properties.partitions(), sendTimeout);
    }

    /** Without a broker a client warns on every reconnect attempt; backing off to 5 s keeps the log readable. */
    private static Map<String, Object> reconnects() {
        return Map.of(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, 500,
                CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
    }

    /** Hands the record to the producer; the broker's answer is awaited by {@link #awaitAcks}. */
    Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        topic.ensureExists();
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            throw new EventStreamUnavailableException("cannot send to " + record.topic(), e);
        }
    }

    /** Returns once the broker has every record; throws otherwise, so the batch and its token are not committed. */
    void awaitAcks(List<Future<RecordMetadata>> sent) {
        long deadline = System.nanoTime() + sendTimeout.plus(ACK_MARGIN).toNanos();
        for (Future<RecordMetadata> ack : sent) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new EventStreamUnavailableException("Kafka did not take the stream's records", e.getCause());
            } catch (TimeoutException e) {
                throw new EventStreamUnavailableException("Kafka did not acknowledge the stream's records in time", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventStreamUnavailableException("interrupted awaiting Kafka's acknowledgements", e);
            }
        }
    }

    @Override
    public void destroy() {
        // records not yet acknowledged belong to a batch whose token was not stored: they are sent again anyway
        producer.close(Duration.ofSeconds(2));
    }
}
