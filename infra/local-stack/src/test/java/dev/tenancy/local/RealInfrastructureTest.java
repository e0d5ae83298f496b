package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first slice against a real MongoDB replica set and a real Kafka broker, where nothing of the stand-in can hide
 * a problem. Needs Docker: without it the whole class is skipped, never failed.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealInfrastructureTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");
    @TempDir
    static Path dataDir;
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.forTests(dataDir)
                .withExternal(MONGO.getReplicaSetUrl(), KAFKA.getBootstrapServers()));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void signupAndReadBackOnRealMongoAndKafka() {
        StackClient client = new StackClient(stack.baseUrl());
        JsonNode signup = client.signup("real-infra");

        StackClient.Response current = client.get("/api/v1/tenants/current", signup.get("accessToken").asText(),
                Map.of("X-Min-Version", signup.get("version").asText()));

        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(current.json().get("slug").asText()).isEqualTo("real-infra");
        assertThat(client.post("/api/v1/tenants/signup", null, Map.of("name", "Again", "slug", "real-infra",
                "ownerEmail", "x@y.test", "ownerPassword", "correct-horse-42")).status()).isEqualTo(409);
        assertThat(client.get("/actuator/health", null).status()).isEqualTo(200);
    }
}
