package dev.tenancy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Produces usage reports to {@code usage-reports} the way a metering client would: batched, idempotent, acks=all. */
final class KafkaLoad implements AutoCloseable {

    static final String TOPIC = "usage-reports";
    static final String PRODUCER_SETTINGS = "acks=all, enable.idempotence=true, linger.ms=5, batch.size=65536";

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json = new ObjectMapper();

    KafkaLoad(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.producer = new KafkaProducer<>(props);
    }

    /**
     * Waits (bounded) until command-service has created the topic, so no record auto-creates it with the broker's
     * default partition count; answers the partition count.
     */
    static int awaitTopic(String bootstrapServers) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                if (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(TOPIC)) {
                    return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
                            .get(TOPIC).partitions().size();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("command-service did not create topic " + TOPIC + " in 60 s");
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
    }

    /** Sends {@code count} one-message reports with distinct idempotency keys, keyed by tenant; waits for all acks. */
    void send(String tenantId, String keyPrefix, int count) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("tenantId", tenantId);
            report.put("resource", UsageApi.RESOURCE);
            report.put("delta", 1);
            report.put("idempotencyKey", keyPrefix + i);
            report.put("occurredAt", Instant.now().toString());
            producer.send(new ProducerRecord<>(TOPIC, tenantId, json.writeValueAsString(report)), (meta, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
