package dev.tenancy.command.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.command.CommandServiceApplication;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=command-service",
        "tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "tenancy.health.kafka.enabled=false",
        "tenancy.usage.kafka.enabled=false",
        "tenancy.event-stream.enabled=false",
        "tenancy.multi-tenant=false"})
class DefaultTenantBootstrapTest {

    private static final String CREATED = "dev.tenancy.api.tenant.event.TenantCreatedEvent";
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = "mongodb://localhost:" + MONGO.bind().getPort();

    @Autowired
    MongoClient mongo;
    @Autowired
    SlugRegistry slugs;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO_URI);
    }

    @Test
    void startingInSingleTenantModeCreatesTheDefaultTenantAsTheSystem() throws Exception {
        String tenantId = slugs.tenantOf("default").orElseThrow().value();

        List<Document> events = createdEvents();
        assertThat(events).hasSize(1);
        Document created = events.get(0);
        assertThat(created.getString("aggregateIdentifier")).isEqualTo(tenantId);
        JsonNode payload = json(created.get("serializedPayload"));
        assertThat(payload.get("slug").asText()).isEqualTo("default");
        assertThat(payload.get("plan").asText()).isEqualTo("ENTERPRISE");
        JsonNode metadata = json(created.get("serializedMetaData"));
        assertThat(metadata.get("actorKind").asText()).isEqualTo("SYSTEM");
        assertThat(metadata.get("tenantId").asText()).isEqualTo(tenantId);
    }

    @Test
    void aSecondStartKeepsTheExistingDefaultTenant() {
        String tenantId = slugs.tenantOf("default").orElseThrow().value();

        try (ConfigurableApplicationContext second = CommandServiceApplication.builder().run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + MONGO_URI,
                "--tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
                "--tenancy.health.kafka.enabled=false",
                "--tenancy.event-stream.enabled=false",
                "--tenancy.multi-tenant=false")) {
            assertThat(second.getBean(SlugRegistry.class).tenantOf("default")).hasValueSatisfying(
                    id -> assertThat(id.value()).isEqualTo(tenantId));
        }

        assertThat(createdEvents()).extracting(e -> e.getString("aggregateIdentifier")).containsExactly(tenantId);
    }

    @Test
    void onlyTheSystemMayTakeAReservedSlug() {
        assertThat(SlugPolicy.violation("default")).hasValueSatisfying(r -> assertThat(r).contains("reserved"));
        assertThat(SlugPolicy.violationIgnoringReservation("default")).isEmpty();
        assertThat(SlugPolicy.violationIgnoringReservation("Not A Slug")).isPresent();
    }

    private static JsonNode json(Object stored) throws Exception {
        return new ObjectMapper().readTree(stored instanceof Document document ? document.toJson() : (String) stored);
    }

    private List<Document> createdEvents() {
        return mongo.getDatabase("tenancy_events").getCollection("domainevents")
                .find(new Document("payloadType", CREATED)
                        .append("serializedPayload", new Document("$regex", "\"slug\":\"default\"")))
                .into(new ArrayList<>());
    }
}
