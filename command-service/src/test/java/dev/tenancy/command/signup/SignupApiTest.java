package dev.tenancy.command.signup;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import dev.tenancy.platform.security.AccessTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@org.junit.jupiter.api.extension.ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=command-service",
        "tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "tenancy.password.bcrypt-strength=4",
        "tenancy.superadmin.email=root@platform.test",
        "tenancy.superadmin.password=Sup3r-secret-pass",
        "tenancy.health.kafka.enabled=false",
        "tenancy.usage.kafka.enabled=false",
        "tenancy.event-stream.enabled=false"})
class SignupApiTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = "mongodb://localhost:" + MONGO.bind().getPort();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;
    @Autowired
    AccessTokens tokens;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO_URI);
    }

    @Test
    void signupCreatesTheTenantAndAnswersATokenForTheOwner() throws Exception {
        String slug = uniqueSlug();
        HttpResponse<String> response = post("/api/v1/tenants/signup", signup("Acme", slug, "owner@" + slug + ".test",
                "correct-horse-42", null));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/tenants/current");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("slug").asText()).isEqualTo(slug);
        var user = tokens.verify(body.get("accessToken").asText()).user();
        assertThat(user.tenantId()).isEqualTo(body.get("tenantId").asText());
        assertThat(user.role().name()).isEqualTo("OWNER");

        List<Document> events = events(body.get("tenantId").asText());
        assertThat(events).extracting(e -> e.getString("payloadType")).containsExactly(
                "dev.tenancy.api.tenant.event.TenantCreatedEvent", "dev.tenancy.api.tenant.event.UserAddedEvent",
                "dev.tenancy.api.usage.UsageRecordedEvent");
        assertThat(events.toString()).doesNotContain("correct-horse-42").doesNotContain("$2a$");
    }

    @Test
    void logLinesNameTheServiceCorrelationIdAndTenant(CapturedOutput output) throws Exception {
        String slug = uniqueSlug();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/tenants/signup"))
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", "corr-" + slug)
                .POST(HttpRequest.BodyPublishers.ofString(signup("Logged", slug, "o@" + slug + ".test",
                        "correct-horse-42", null))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("X-Correlation-Id")).contains("corr-" + slug);
        String tenantId = json.readTree(response.body()).get("tenantId").asText();
        assertThat(output.getOut()).contains("[command-service,corr-" + slug + "," + tenantId + "]")
                .contains("Tenant '" + slug + "' signed up");
        assertThat(output.getOut()).doesNotContain("correct-horse-42");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndNothingIsStored() throws Exception {
        long before = mongo.getDatabase("tenancy_events").getCollection("domainevents").countDocuments();
        assertProblem(post("/api/v1/tenants/signup", signup("Acme", "Bad Slug", "a@b.test", "correct-horse-42", null)),
                400, "validation-failed", "slug");
        assertProblem(post("/api/v1/tenants/signup", signup("Acme", uniqueSlug(), "a@b.test", "short1", null)),
                400, "validation-failed", "ownerPassword");
        assertProblem(post("/api/v1/tenants/signup", signup("Acme", uniqueSlug(), "not-an-email", "correct-horse-42",
                null)), 400, "validation-failed", "ownerEmail");
        assertProblem(post("/api/v1/tenants/signup", signup("Acme", uniqueSlug(), "a@b.test", "correct-horse-42",
                "GOLD")), 400, "validation-failed", "plan");
        assertProblem(post("/api/v1/tenants/signup", "{\"slug\":\"" + uniqueSlug() + "\"}"), 400, "validation-failed",
                "name");
        assertProblem(post("/api/v1/tenants/signup", "{\"name\":"), 400, "malformed-request", null);
        assertProblem(post("/api/v1/tenants/signup", "{\"name\":\"x\",\"color\":\"red\"}"), 400, "unknown-field",
                "color");
        assertProblem(post("/api/v1/tenants/signup", signup("Acme", "www", "a@b.test", "correct-horse-42", null)),
                400, "validation-failed", "slug");
        assertThat(mongo.getDatabase("tenancy_events").getCollection("domainevents").countDocuments())
                .isEqualTo(before);
    }

    @Test
    void aDuplicateSlugIsAConflictAndLeavesNoTrace() throws Exception {
        String slug = uniqueSlug();
        assertThat(post("/api/v1/tenants/signup", signup("First", slug, "a@" + slug + ".test", "correct-horse-42",
                null)).statusCode()).isEqualTo(201);
        long credentials = mongo.getDatabase("tenancy_command").getCollection("credentials").countDocuments();

        assertProblem(post("/api/v1/tenants/signup", signup("Second", slug, "b@" + slug + ".test",
                "correct-horse-42", null)), 409, "slug-taken", "slug");
        assertThat(mongo.getDatabase("tenancy_command").getCollection("credentials").countDocuments())
                .isEqualTo(credentials);
    }

    @Test
    void concurrentSignupsForOneSlugHaveExactlyOneWinner() throws Exception {
        String slug = uniqueSlug();
        int contenders = 12;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            String body = signup("Org " + i, slug, "owner" + i + "@race.test", "correct-horse-42", null);
            attempts.add(() -> post("/api/v1/tenants/signup", body).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(attempts)) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(contenders - 1);
        long created = mongo.getDatabase("tenancy_events").getCollection("domainevents")
                .countDocuments(new Document("payloadType", "dev.tenancy.api.tenant.event.TenantCreatedEvent")
                        .append("serializedPayload", new Document("$regex", "\"slug\":\"" + slug + "\"")));
        assertThat(created).isEqualTo(1);
    }

    @Test
    void ownersAndTheSuperadminSignIn() throws Exception {
        String slug = uniqueSlug();
        post("/api/v1/tenants/signup", signup("Acme", slug, "Owner@" + slug + ".test", "correct-horse-42", null));

        HttpResponse<String> owner = post("/api/v1/auth/login", "{\"email\":\"owner@" + slug
                + ".test\",\"password\":\"correct-horse-42\",\"tenant\":\"" + slug + "\"}");
        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(tokens.verify(json.readTree(owner.body()).get("accessToken").asText()).isValid()).isTrue();

        HttpResponse<String> root = post("/api/v1/auth/login",
                "{\"email\":\"root@platform.test\",\"password\":\"Sup3r-secret-pass\"}");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(tokens.verify(json.readTree(root.body()).get("accessToken").asText()).user().isSuperadmin())
                .isTrue();

        assertProblem(post("/api/v1/auth/login", "{\"email\":\"owner@" + slug
                + ".test\",\"password\":\"wrong-horse-42\",\"tenant\":\"" + slug + "\"}"), 401,
                "invalid-credentials", null);
        assertProblem(post("/api/v1/auth/login", "{\"email\":\"owner@" + slug
                + ".test\",\"password\":\"correct-horse-42\",\"tenant\":\"no-such-tenant\"}"), 401,
                "invalid-credentials", null);
        assertProblem(post("/api/v1/auth/login", "{\"email\":\"owner@" + slug
                + ".test\",\"password\":\"correct-horse-42\"}"), 401, "invalid-credentials", null);
        assertProblem(post("/api/v1/auth/login", "{\"password\":\"x\"}"), 400, "validation-failed", "email");
    }

    private void assertProblem(HttpResponse<String> response, int status, String code, String field)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/" + code);
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Document> events(String tenantId) {
        return mongo.getDatabase("tenancy_events").getCollection("domainevents")
                .find(new Document("aggregateIdentifier", tenantId))
                .sort(new Document("sequenceNumber", 1)).into(new ArrayList<>());
    }

    private String signup(String name, String slug, String email, String password, String plan) throws Exception {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("slug", slug);
        body.put("ownerEmail", email);
        body.put("ownerPassword", password);
        if (plan != null) {
            body.put("plan", plan);
        }
        return json.writeValueAsString(body);
    }

    private static String uniqueSlug() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
