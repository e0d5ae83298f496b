package dev.tenancy.query.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.tenant.query.TenantView;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=query-service",
        "tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "tenancy.read-your-writes.timeout=1s",
        "tenancy.health.kafka.enabled=false"})
class TenantProjectionTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = "mongodb://localhost:" + MONGO.bind().getPort();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    TenantViewRepository views;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    AccessTokens tokens;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO_URI);
    }

    @Test
    void projectsSignupEventsIntoTheTenantView() {
        String tenantId = signedUpTenant("acme");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(views.find(TenantId.of(tenantId))).hasValueSatisfying(view -> {
                    assertThat(view.slug()).isEqualTo("acme");
                    assertThat(view.plan()).isEqualTo(Plan.STARTER);
                    assertThat(view.limits()).isEqualTo(PlanCatalog.terms(Plan.STARTER).limits());
                    assertThat(view.version()).isEqualTo(1);
                }));
    }

    @Test
    void replayingFromZeroGivesTheSameReadModel() {
        String tenantId = signedUpTenant("replayed");
        await().atMost(Duration.ofSeconds(10)).until(() -> views.find(TenantId.of(tenantId))
                .map(TenantView::version).orElse(-1L) == 1);
        TenantView live = views.find(TenantId.of(tenantId)).orElseThrow();

        TrackingEventProcessor processor = processing.eventProcessor(TenantProjection.GROUP,
                TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(views.find(TenantId.of(tenantId))).as("the reset handler empties the read model").isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(views.find(TenantId.of(tenantId))).contains(live));
    }

    @Test
    void currentTenantIsServedToItsOwnerAndWaitsForTheAskedVersion() throws Exception {
        String tenantId = signedUpTenant("served");
        String token = tokens.issue(new AuthenticatedUser("owner-1", tenantId, Role.OWNER, null));

        HttpResponse<String> current = get("/api/v1/tenants/current", token, "1");
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        JsonNode body = json.readTree(current.body());
        assertThat(body.get("id").asText()).isEqualTo(tenantId);
        assertThat(body.get("limits").get("users").get("max").asLong()).isEqualTo(20);
        assertThat(body.at("/limits/customIntegrations").asBoolean()).isFalse();

        HttpResponse<String> future = get("/api/v1/tenants/current", token, "7");
        assertThat(future.statusCode()).isEqualTo(503);
        assertThat(json.readTree(future.body()).get("code").asText()).isEqualTo("read-model-lagging");
    }

    @Test
    void aSuperadminHasNoCurrentTenant() throws Exception {
        String token = tokens.issue(new AuthenticatedUser("root", null, Role.SUPERADMIN, null));
        HttpResponse<String> response = get("/api/v1/tenants/current", token, null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("code").asText()).isEqualTo("tenant-not-found");
    }

    private String signedUpTenant(String slug) {
        String tenantId = UUID.randomUUID().toString();
        MetaData metadata = MetaData.with(MetadataKeys.TENANT_ID, tenantId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        eventStore.publish(
                new GenericDomainEventMessage<>("TenantAggregate", tenantId, 0, new TenantCreatedEvent(tenantId,
                        "Org " + slug, slug, Plan.STARTER, PlanCatalog.terms(Plan.STARTER).limits(), now), metadata),
                new GenericDomainEventMessage<>("TenantAggregate", tenantId, 1,
                        new UserAddedEvent(tenantId, "owner-1", "o@" + slug + ".test", Role.OWNER), metadata));
        return tenantId;
    }

    private HttpResponse<String> get(String path, String token, String minVersion) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (minVersion != null) {
            request.header("X-Min-Version", minVersion);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
