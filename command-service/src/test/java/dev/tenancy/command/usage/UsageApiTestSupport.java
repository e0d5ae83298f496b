package dev.tenancy.command.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.user.Role;
import dev.tenancy.command.tenant.MutableClock;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One command-service context for the usage API and rollover tests, with a clock the tests move (tokens are minted
 * per request, so they stay valid) and the rollover running every 200 ms. Kafka is off here; see UsageKafkaTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=command-service",
        "tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "tenancy.password.bcrypt-strength=4",
        "tenancy.health.kafka.enabled=false",
        "tenancy.usage.kafka.enabled=false",
        "tenancy.event-stream.enabled=false",
        "tenancy.usage.rollover-interval=200ms"})
@Import(UsageApiTestSupport.Clocks.class)
abstract class UsageApiTestSupport {

    static final String USAGE = "/api/v1/tenants/current/usage";
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = "mongodb://localhost:" + MONGO.bind().getPort();
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;
    @Autowired
    AccessTokens tokens;
    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO_URI);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    /** A tenant signed up through the API (on the FREE plan: 10 campaigns, 1000 messages a month). */
    String signup() throws Exception {
        String slug = "u-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = send("POST", "/api/v1/tenants/signup", null, "{\"name\":\"Acme\",\"slug\":\""
                + slug + "\",\"ownerEmail\":\"owner@" + slug + ".test\",\"ownerPassword\":\"correct-horse-42\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("tenantId").asText();
    }

    String token(String tenantId, Role role) {
        return tokens.issue(new AuthenticatedUser("user-" + role, tenantId, role, null));
    }

    String superadmin() {
        return tokens.issue(new AuthenticatedUser("root", null, Role.SUPERADMIN, null));
    }

    HttpResponse<String> report(String tenantId, String body, String... headers) throws Exception {
        return send("POST", USAGE, token(tenantId, Role.OWNER), body, headers);
    }

    static String body(String resource, long delta, String key) {
        return "{\"resource\":\"" + resource + "\",\"delta\":" + delta + ",\"idempotencyKey\":\"" + key + "\"}";
    }

    HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The problem's code and each field named in errors[]; answers the problem body for further checks. */
    JsonNode assertProblem(HttpResponse<String> response, int status, String code, String... fields)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asText()).as(response.body()).isEqualTo(code);
        if (fields.length > 0) {
            assertThat(problem.get("errors").findValuesAsText("field")).as(response.body()).contains(fields);
        }
        return problem;
    }

    List<String> eventTypes(String tenantId) {
        return mongo.getDatabase("tenancy_events").getCollection("domainevents")
                .find(new Document("aggregateIdentifier", tenantId)).sort(new Document("sequenceNumber", 1))
                .map(e -> e.getString("payloadType").substring(e.getString("payloadType").lastIndexOf('.') + 1))
                .into(new ArrayList<>());
    }

    long count(String tenantId, String eventType) {
        return eventTypes(tenantId).stream().filter(eventType::equals).count();
    }
}
