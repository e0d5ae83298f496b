package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.user.Role;
import dev.tenancy.command.tenant.FakeDomainVerifier;
import dev.tenancy.command.tenant.OffsetClock;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One command-service context for the API tests (same properties, same configuration: Spring caches it), with DNS
 * replaced by a fake the tests "publish" records to, and a clock tests may move forward.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=command-service",
        "tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "tenancy.password.bcrypt-strength=4",
        "tenancy.superadmin.email=root@platform.test",
        "tenancy.superadmin.password=Sup3r-secret-pass",
        "tenancy.health.kafka.enabled=false",
        "tenancy.usage.kafka.enabled=false",
        "tenancy.event-stream.enabled=false"})
@Import(CommandApiTestSupport.Fakes.class)
abstract class CommandApiTestSupport {

    static final String PASSWORD = "correct-horse-42";
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
    FakeDomainVerifier dns;
    @Autowired
    OffsetClock clock;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO_URI);
    }

    @TestConfiguration
    static class Fakes {
        @Bean
        @Primary
        FakeDomainVerifier fakeDomainVerifier() {
            return new FakeDomainVerifier();
        }

        @Bean
        @Primary
        OffsetClock offsetClock() {
            return new OffsetClock();
        }
    }

    /** A tenant signed up through the API, with its owner's token. */
    record Tenant(String id, String slug, String ownerToken) {
    }

    Tenant signup() throws Exception {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = send("POST", "/api/v1/tenants/signup", null, "{\"name\":\"Acme\",\"slug\":\""
                + slug + "\",\"ownerEmail\":\"owner@" + slug + ".test\",\"ownerPassword\":\"" + PASSWORD + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        return new Tenant(body.get("tenantId").asText(), slug, body.get("accessToken").asText());
    }

    String superadmin() {
        return tokens.issue(new AuthenticatedUser("root", null, Role.SUPERADMIN, null));
    }

    String token(Tenant tenant, Role role) {
        return tokens.issue(new AuthenticatedUser("user-" + role, tenant.id(), role, null));
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

    JsonNode ok(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : json.readTree(response.body());
    }

    /** The problem's code, and each field named in errors[]; answers the problem body for further checks. */
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

    long eventCount() {
        return mongo.getDatabase("tenancy_events").getCollection("domainevents").countDocuments();
    }

    List<Document> events(String tenantId) {
        return mongo.getDatabase("tenancy_events").getCollection("domainevents")
                .find(new Document("aggregateIdentifier", tenantId))
                .sort(new Document("sequenceNumber", 1)).into(new ArrayList<>());
    }

    List<String> eventTypes(String tenantId) {
        return events(tenantId).stream().map(e -> e.getString("payloadType")
                .replace("dev.tenancy.api.tenant.event.", "")).toList();
    }

    JsonNode payload(Document event) throws Exception {
        Object payload = event.get("serializedPayload");
        return json.readTree(payload instanceof String text ? text : ((Document) payload).toJson());
    }
}
