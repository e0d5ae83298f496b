package dev.tenancy.command.usage;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Produces refused messages, unchanged, to the dead-letter topic, and waits until the broker has them: the batch is
 * acknowledged only after that, so a message is either counted, dead-lettered or delivered again. Kept out of the
 * application context so it does not replace Spring Boot's own {@code KafkaTemplate}.
 */
public class UsageDeadLetters implements DisposableBean {

    public static final String REASON = "x-dlq-reason";
    public static final String ORIGINAL_TOPIC = "x-dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "x-dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "x-dlq-original-offset";
    private static final int MAX_REASON_LENGTH = 1_000;
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final String topic;
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;

    public UsageDeadLetters(Map<String, Object> producerProperties, String topic) {
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.topic = topic;
        this.producers = new DefaultKafkaProducerFactory<>(config);
        this.template = new KafkaTemplate<>(producers);
    }

    /** Sends all and waits for all; any failure is thrown so the batch is not acknowledged. */
    public void send(List<DeadLetter> letters) {
        List<CompletableFuture<SendResult<byte[], byte[]>>> sent = letters.stream().map(this::send).toList();
        for (CompletableFuture<SendResult<byte[], byte[]>> result : sent) {
            try {
                result.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering usage reports", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not dead-letter usage reports to " + topic, e);
            }
        }
    }

    private CompletableFuture<SendResult<byte[], byte[]>> send(DeadLetter letter) {
        var original = letter.original();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, original.key(), original.value());
        for (Header header : original.headers()) {
            record.headers().add(header);
        }
        String reason = letter.reason().length() > MAX_REASON_LENGTH
                ? letter.reason().substring(0, MAX_REASON_LENGTH) : letter.reason();
        record.headers().add(REASON, utf8(reason))
                .add(ORIGINAL_TOPIC, utf8(original.topic()))
                .add(ORIGINAL_PARTITION, utf8(Integer.toString(original.partition())))
                .add(ORIGINAL_OFFSET, utf8(Long.toString(original.offset())));
        return template.send(record);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
