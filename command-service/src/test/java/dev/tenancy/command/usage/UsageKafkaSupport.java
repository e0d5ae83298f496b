package dev.tenancy.command.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.command.CommandServiceApplication;
import dev.tenancy.embedded.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A real broker in this JVM, an in-memory MongoDB, and command-service contexts the tests start and stop. */
final class UsageKafkaSupport implements AutoCloseable {

    /** Generous: on a loaded 2-core CI runner the broker's first appends to fresh partitions can take seconds. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);
    private final MongoServer mongoServer = new MongoServer(new MemoryBackend());
    private final String mongoUri = "mongodb://localhost:" + mongoServer.bind().getPort();
    private final MongoClient mongo = MongoClients.create(mongoUri);
    private final EmbeddedKafka kafka = EmbeddedKafka.start(null, 0);
    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis()));
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** A command service consuming the topics; answers once its topics exist, so producers find six partitions. */
    ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = CommandServiceApplication.builder().run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + mongoUri,
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
                "--tenancy.password.bcrypt-strength=4",
                "--tenancy.health.kafka.enabled=false",
                "--tenancy.usage.rollover.enabled=false",
                "--tenancy.usage.kafka.retry-interval=500ms",
                "--tenancy.event-stream.enabled=false");
        UsageTopics topics = context.getBean(UsageTopics.class);
        await().atMost(Duration.ofSeconds(30)).until(topics::ready);
        return context;
    }

    String signup(ConfigurableApplicationContext context) throws Exception {
        String slug = "k-" + UUID.randomUUID().toString().substring(0, 8);
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/tenants/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Acme\",\"slug\":\"" + slug
                        + "\",\"ownerEmail\":\"o@" + slug + ".test\",\"ownerPassword\":\"correct-horse-42\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("tenantId").asText();
    }

    static String report(String tenantId, String resource, long delta, String key) {
        return "{\"tenantId\":\"" + tenantId + "\",\"resource\":\"" + resource + "\",\"delta\":" + delta
                + ",\"idempotencyKey\":\"" + key + "\",\"occurredAt\":\"2025-01-01T00:00:00Z\"}";
    }

    void produce(String key, List<String> values) throws Exception {
        var acks = values.stream()
                .map(value -> producer.send(new ProducerRecord<>(UsageKafkaConfiguration.TOPIC, key, value)))
                .toList();
        for (var ack : acks) {
            // the producer fails the send itself once its delivery timeout is spent, with Kafka's reason
            ack.get(DELIVERY_TIMEOUT.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        }
    }

    /** The dead-letter topic's records that match, read from its start until {@code expected} of them are there. */
    List<ConsumerRecord<String, String>> deadLetters(Predicate<ConsumerRecord<String, String>> matching,
                                                     int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(UsageKafkaConfiguration.DLQ_TOPIC));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (matching.test(record)) {
                        received.add(record);
                    }
                });
                return received.size() >= expected;
            });
            return received;
        }
    }

    long count(String tenantId, String eventType) {
        return mongo.getDatabase("tenancy_events").getCollection("domainevents")
                .countDocuments(new Document("aggregateIdentifier", tenantId)
                        .append("payloadType", "dev.tenancy.api.usage." + eventType));
    }

    /** The tenant's counted reports: its UsageRecordedEvents but the owner's seat at signup. */
    List<Document> reports(String tenantId) {
        return events(tenantId, "UsageRecordedEvent").stream().filter(event -> !event.toJson().contains("seat:"))
                .toList();
    }

    List<Document> events(String tenantId, String eventType) {
        return mongo.getDatabase("tenancy_events").getCollection("domainevents")
                .find(new Document("aggregateIdentifier", tenantId)
                        .append("payloadType", "dev.tenancy.api.usage." + eventType))
                .into(new ArrayList<>());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        kafka.close();
        mongo.close();
        mongoServer.shutdownNow();
    }
}
