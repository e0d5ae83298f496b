package dev.tenancy.command.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;

/** Reads the whole stream topic from its beginning, as a consumer of the stream would, and keeps what it read. */
final class StreamReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    StreamReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> !consumer
                .partitionsFor(EventStreamProperties.DEFAULT_TOPIC, Duration.ofSeconds(2)).isEmpty());
        List<TopicPartition> partitions = consumer.partitionsFor(EventStreamProperties.DEFAULT_TOPIC).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    int partitionCount() {
        return consumer.assignment().size();
    }

    /** Polls until {@code done} holds, for at most {@code atMost}. */
    void readUntil(Duration atMost, BooleanSupplier done) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return done.getAsBoolean();
        });
    }

    /** Every record read so far, duplicates included, in the order of their partitions. */
    List<ConsumerRecord<String, String>> records(String tenantId) {
        return records.stream().filter(record -> tenantId.equals(record.key())).toList();
    }

    /** What a consumer deduplicating by event id sees: each event once, at its first occurrence. */
    List<ConsumerRecord<String, String>> firstOccurrences(String tenantId) {
        Set<String> seen = new HashSet<>();
        return records(tenantId).stream()
                .filter(record -> seen.add(envelope(record).get("eventId").asText()))
                .toList();
    }

    List<String> eventIds(String tenantId) {
        return firstOccurrences(tenantId).stream().map(record -> envelope(record).get("eventId").asText()).toList();
    }

    /** Records the producer sent at or after {@code epochMillis}. */
    List<ConsumerRecord<String, String>> sentSince(long epochMillis) {
        return records.stream().filter(record -> record.timestamp() >= epochMillis).toList();
    }

    int size() {
        return records.size();
    }

    static JsonNode envelope(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(ConsumerRecord<String, String> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
