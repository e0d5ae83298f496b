package dev.tenancy.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.tenant.query.TenantView;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.query.tenant.TenantViewRepository;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One query-service context for every test class (same properties, so Spring caches it) on an in-memory MongoDB.
 * Tenants are built the way the command side builds them: domain events in the event store, with metadata.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=query-service",
        "tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "tenancy.read-your-writes.timeout=3s",
        "tenancy.health.kafka.enabled=false"})
public abstract class QueryServiceTestSupport {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = "mongodb://localhost:" + MONGO.bind().getPort();
    private static final Map<String, Long> NEXT_SEQUENCE = new ConcurrentHashMap<>();

    protected final HttpClient http = HttpClient.newHttpClient();
    protected final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected TenantViewRepository views;
    @Autowired
    protected AccessTokens tokens;

    /** The in-memory MongoDB every test context shares (a second node in a test points here too). */
    protected static String mongoUri() {
        return MONGO_URI;
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO_URI);
    }

    /** A tenant signed up with {@code slug} and an owner, projected (version 1). */
    protected String tenant(String slug, Plan plan) {
        return tenant(slug, "Org " + slug, plan, Instant.now());
    }

    protected String tenant(String slug, String name, Plan plan, Instant createdAt) {
        String tenantId = UUID.randomUUID().toString();
        append(tenantId, new TenantCreatedEvent(tenantId, name, slug, plan, PlanCatalog.terms(plan).limits(),
                        createdAt.truncatedTo(ChronoUnit.MILLIS)),
                new UserAddedEvent(tenantId, "owner-" + slug, "o@" + slug + ".test", Role.OWNER));
        return tenantId;
    }

    /** Appends the events as the tenant aggregate's next ones and waits until they are projected. */
    protected long append(String tenantId, TenantMessage... events) {
        return awaitVersion(tenantId, publish(tenantId, events));
    }

    /** Appends without waiting; answers the last sequence number. */
    protected long publish(String tenantId, TenantMessage... events) {
        MetaData metadata = MetaData.with(MetadataKeys.TENANT_ID, tenantId);
        long last = -1;
        for (TenantMessage event : events) {
            last = NEXT_SEQUENCE.merge(tenantId, 1L, Long::sum) - 1;
            eventStore.publish(new GenericDomainEventMessage<>("TenantAggregate", tenantId, last, event, metadata));
        }
        return last;
    }

    protected long awaitVersion(String tenantId, long version) {
        await().atMost(Duration.ofSeconds(10)).until(() -> views.find(TenantId.of(tenantId))
                .map(TenantView::version).orElse(-1L) >= version);
        return version;
    }

    protected TenantView view(String tenantId) {
        return views.find(TenantId.of(tenantId)).orElseThrow();
    }

    protected Document document(String tenantId) {
        return views.findDocument(TenantId.of(tenantId)).orElseThrow();
    }

    protected String ownerToken(String tenantId) {
        return tokens.issue(new AuthenticatedUser("owner-" + tenantId, tenantId, Role.OWNER, null));
    }

    protected String memberToken(String tenantId) {
        return tokens.issue(new AuthenticatedUser("member-" + tenantId, tenantId, Role.MEMBER, null));
    }

    protected String superadminToken() {
        return tokens.issue(new AuthenticatedUser("root", null, Role.SUPERADMIN, null));
    }

    /** GET with an optional bearer token and header name/value pairs. */
    protected HttpResponse<String> get(String path, String token, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    /** The problem's code, after checking the status. */
    protected String problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return body(response).get("code").asText();
    }
}
