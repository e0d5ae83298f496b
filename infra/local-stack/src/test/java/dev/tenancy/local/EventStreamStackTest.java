package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stack's event stream: one tenant's history read back from Kafka; and a stack whose Kafka is not there. */
class EventStreamStackTest extends StackTest {

    private static final String TOPIC = "tenant-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aTenantsEventsAreOnTheStreamInOrderUnderItsId() {
        JsonNode signup = client.signup("stream-" + UUID.randomUUID().toString().substring(0, 8));
        String token = signup.get("accessToken").asText();
        StackClient.Response changed = client.send("PATCH", "/api/v1/tenants/current/settings", token, Map.of(),
                "{\"timezone\":\"Europe/Berlin\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        long version = changed.json().get("version").asLong();
        String tenantId = client.get("/api/v1/tenants/current", token).json().get("id").asText();

        Map<String, JsonNode> events = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(stack.kafkaServers())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (tenantId.equals(record.key())) {
                        JsonNode envelope = JSON.readTree(record.value());
                        events.putIfAbsent(envelope.get("eventId").asText(), envelope);
                    }
                }
                return events.size() > version;
            });
        }

        List<JsonNode> inOrder = List.copyOf(events.values());
        assertThat(inOrder).extracting(e -> e.get("sequence").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(0, version).boxed().toList());
        assertThat(inOrder).allSatisfy(envelope -> {
            assertThat(envelope.get("tenantId").asText()).isEqualTo(tenantId);
            assertThat(envelope.get("aggregateId").asText()).isEqualTo(tenantId);
            assertThat(envelope.at("/metadata/tenantId").asText()).isEqualTo(tenantId);
        });
        assertThat(inOrder.get(0).get("name").asText()).isEqualTo("TenantCreatedEvent");
        assertThat(inOrder.get(inOrder.size() - 1).get("name").asText()).isEqualTo("SettingsChangedEvent");
    }

    @Test
    void withoutKafkaTheStackStartsTakesCommandsAndReportsKafkaDown() {
        String nobody = "localhost:" + freePort();
        try (LocalStack alone = LocalStack.start(StackSettings.forTests(dataDir).withExternal(null, nobody))) {
            StackClient offline = new StackClient(alone.baseUrl());
            JsonNode signup = offline.signup("offline-" + UUID.randomUUID().toString().substring(0, 8));
            StackClient.Response current = offline.get("/api/v1/tenants/current",
                    signup.get("accessToken").asText());
            assertThat(current.status()).as(current.body()).isEqualTo(200);

            StackClient.Response health = offline.get("/actuator/health", null);
            assertThat(health.status()).as(health.body()).isEqualTo(503);
            assertThat(health.body()).as("the services answered within the gateway's budget")
                    .doesNotContain("No answer within").contains("DOWN");
            JsonNode command = new StackClient(alone.commandUrl()).get("/actuator/health", null).json();
            assertThat(command.at("/components/kafka/status").asText()).isEqualTo("DOWN");
            assertThat(command.at("/components/mongo/status").asText()).isEqualTo("UP");
        }
    }

    private static KafkaConsumer<String, String> consumer(String servers) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        List<TopicPartition> partitions = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            partitions.clear();
            consumer.partitionsFor(TOPIC, Duration.ofSeconds(2))
                    .forEach(info -> partitions.add(new TopicPartition(TOPIC, info.partition())));
            return !partitions.isEmpty();
        });
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
