package dev.tenancy.platform.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.ratelimit.ApiCallCounter;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.tenant.TenantRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.tenancy.platform.apikey.ApiKeyTestApplication.FREE;
import static dev.tenancy.platform.apikey.ApiKeyTestApplication.KEYED;
import static dev.tenancy.platform.apikey.ApiKeyTestApplication.OTHER;
import static dev.tenancy.platform.apikey.ApiKeyTestApplication.TINY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** API keys in a running service: authentication by either header, the key rules, tenant isolation and rate limits. */
@SpringBootTest(classes = ApiKeyTestApplication.class, properties = {
        "spring.application.name=test",
        "tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "tenancy.event-store.service-database=test",
        "tenancy.health.kafka.enabled=false",
        "tenancy.rate-limit.sync-interval=1h"})
@AutoConfigureMockMvc
class ApiKeyWebTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = "mongodb://localhost:" + MONGO.bind().getPort();
    private static final Set<String> ALL = Set.of("read", "write", "usage:write");
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeyStore store;
    @Autowired
    ApiCallCounter counter;
    @Autowired
    AccessTokens tokens;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO_URI);
    }

    @Test
    void aKeyWorksAsBearerAndAsXApiKeyAndActsAsItsTenantsApiKey() throws Exception {
        Key key = key(KEYED, ALL);

        for (MockHttpServletRequestBuilder request : List.of(
                get("/api/kt/things").header("Authorization", "Bearer " + key.secret()),
                get("/api/kt/things").header("X-API-Key", key.secret()))) {
            JsonNode body = ok(request);
            assertThat(body.get("tenant").asText()).isEqualTo("keyed");
            assertThat(body.get("contextTenant").asText()).isEqualTo(KEYED.id());
            assertThat(body.get("actorId").asText()).isEqualTo(key.id());
            assertThat(body.get("actorKind").asText()).isEqualTo("API_KEY");
            assertThat(body.get("actorRole").asText()).isEqualTo("MEMBER");
        }
        assertThat(store.findById(key.id()).orElseThrow().lastUsedAt()).isNotNull();
    }

    @Test
    void everyBadKeyGetsTheSame401WithoutSayingWhatWasWrong() throws Exception {
        Key good = key(KEYED, ALL);
        Key revoked = key(KEYED, ALL);
        store.revoke(KEYED.id(), revoked.id());
        NewApiKey pending = ApiKeyFormat.generate();
        store.insertPending(UUID.randomUUID().toString(), pending, KEYED.id(), ALL, Instant.now());
        List<String> bad = List.of(good.secret().substring(0, 17) + "Z".repeat(43), ApiKeyFormat.generate().key(),
                revoked.secret(), pending.key(), "tpk_garbage");

        for (String presented : bad) {
            for (MockHttpServletRequestBuilder request : List.of(
                    get("/api/kt/things").header("Authorization", "Bearer " + presented),
                    get("/api/kt/things").header("X-API-Key", presented))) {
                JsonNode problem = problem(request, 401, "unauthenticated");
                assertThat(problem.get("detail").asText()).isEqualTo("The API key was rejected.");
            }
        }
        problem(get("/api/kt/things").header("X-API-Key", ""), 401, "unauthenticated");
        ok(get("/api/kt/things").header("X-API-Key", good.secret()));
    }

    @Test
    void aKeyAndAnAccessTokenTogetherAreRefused() throws Exception {
        Key key = key(KEYED, ALL);
        String token = tokens.issue(new AuthenticatedUser("owner", KEYED.id(), Role.OWNER, null));

        JsonNode problem = problem(get("/api/kt/things").header("X-API-Key", key.secret())
                .header("Authorization", "Bearer " + token), 401, "unauthenticated");

        assertThat(problem.get("detail").asText()).contains("not both");
    }

    @Test
    void readingNeedsReadAndEverythingElseWrite() throws Exception {
        Key reader = key(KEYED, Set.of("read"));
        Key writer = key(KEYED, Set.of("write"));

        ok(get("/api/kt/things").header("X-API-Key", reader.secret()));
        assertThat(mvc.perform(head("/api/kt/things").header("X-API-Key", reader.secret())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        JsonNode refused = problem(post("/api/kt/things").header("X-API-Key", reader.secret()), 403,
                "insufficient-scope");
        assertThat(refused.get("requiredScope").asText()).isEqualTo("write");
        assertThat(refused.get("scopes").toString()).isEqualTo("[\"read\"]");
        problem(delete("/api/kt/things").header("X-API-Key", reader.secret()), 403, "insufficient-scope");

        ok(post("/api/kt/things").header("X-API-Key", writer.secret()));
        ok(delete("/api/kt/things").header("X-API-Key", writer.secret()));
        assertThat(problem(get("/api/kt/things").header("X-API-Key", writer.secret()), 403, "insufficient-scope")
                .get("requiredScope").asText()).isEqualTo("read");
    }

    @Test
    void usageReportsTakeUsageWriteOrWriteAndUsageWriteTakesNothingElse() throws Exception {
        Key meter = key(KEYED, Set.of("usage:write"));
        Key reader = key(KEYED, Set.of("read"));
        Key writer = key(KEYED, Set.of("write"));

        ok(post("/api/kt/usage").header("X-API-Key", meter.secret()));
        ok(post("/api/kt/usage").header("X-API-Key", writer.secret()));
        JsonNode refused = problem(post("/api/kt/usage").header("X-API-Key", reader.secret()), 403,
                "insufficient-scope");
        assertThat(refused.get("requiredScope").asText()).isEqualTo("usage:write");
        assertThat(refused.get("acceptedScopes").toString()).isEqualTo("[\"usage:write\",\"write\"]");
        problem(post("/api/kt/things").header("X-API-Key", meter.secret()), 403, "insufficient-scope");
        problem(get("/api/kt/things").header("X-API-Key", meter.secret()), 403, "insufficient-scope");
    }

    @Test
    void ownerAndAdminRoutesAndPeopleOnlyRoutesRefuseKeys() throws Exception {
        Key key = key(KEYED, ALL);
        String owner = tokens.issue(new AuthenticatedUser("owner", KEYED.id(), Role.OWNER, null));

        problem(get("/api/kt/admin").header("X-API-Key", key.secret()), 403, "forbidden");
        JsonNode people = problem(get("/api/kt/people").header("X-API-Key", key.secret()), 403, "forbidden");
        assertThat(people.get("detail").asText()).contains("API keys");
        ok(get("/api/kt/admin").header("Authorization", "Bearer " + owner));
        ok(get("/api/kt/people").header("Authorization", "Bearer " + owner));
    }

    @Test
    void aKeyOfATenantWithoutApiAccessIsRefusedForEveryCall() throws Exception {
        Key key = key(FREE, ALL);

        for (MockHttpServletRequestBuilder request : List.of(get("/api/kt/things"), post("/api/kt/things"),
                post("/api/kt/usage"))) {
            JsonNode problem = problem(request.header("X-API-Key", key.secret()), 403, "feature-not-available");
            assertThat(problem.get("feature").asText()).isEqualTo("API_ACCESS");
            assertThat(problem.get("plan").asText()).isEqualTo("FREE");
            assertThat(problem.get("requiredPlan").asText()).isEqualTo("STARTER");
        }
        assertThat(counter.used(FREE.id())).isZero();
    }

    @Test
    void aKeyNamingAnotherTenantIsRefused() throws Exception {
        Key key = key(KEYED, ALL);

        problem(get("/api/kt/things").header("X-API-Key", key.secret()).header("X-Tenant-Id", OTHER.id()), 403,
                "tenant-mismatch");
        problem(get("/api/kt/things").header("X-API-Key", key.secret()).header("X-Tenant-Id", "other"), 403,
                "tenant-mismatch");
        problem(get("/api/kt/things?tenant=other").header("Authorization", "Bearer " + key.secret()), 403,
                "tenant-mismatch");
        assertThat(ok(get("/api/kt/things").header("X-API-Key", key.secret()).header("X-Tenant-Id", "keyed"))
                .get("tenant").asText()).isEqualTo("keyed");
    }

    @Test
    void everyKeyCallCountsAgainstItsTenantsApiCallsPerHour() throws Exception {
        Key first = key(TINY, ALL);
        Key second = key(TINY, Set.of("read"));
        long before = counter.used(TINY.id());
        assertThat(before).isZero();

        MockHttpServletResponse one = call(get("/api/kt/things").header("X-API-Key", first.secret()));
        MockHttpServletResponse two = call(get("/api/kt/things").header("Authorization", "Bearer " + second.secret()));
        problem(post("/api/kt/things").header("X-API-Key", second.secret()), 403, "insufficient-scope");
        MockHttpServletResponse three = call(get("/api/kt/things").header("X-API-Key", first.secret()));

        assertThat(one.getStatus()).isEqualTo(200);
        assertThat(one.getHeader("X-RateLimit-Limit")).isEqualTo(String.valueOf(ApiKeyTestApplication.TINY_LIMIT));
        assertThat(one.getHeader("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(two.getStatus()).isEqualTo(200);
        assertThat(two.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(three.getStatus()).isEqualTo(429);
        assertThat(json.readTree(three.getContentAsString()).get("code").asText()).isEqualTo("rate-limited");
        assertThat(counter.used(TINY.id())).isEqualTo(2);
    }

    private Key key(TenantRef tenant, Set<String> scopes) {
        String id = UUID.randomUUID().toString();
        NewApiKey key = ApiKeyFormat.generate();
        assertThat(store.insertPending(id, key, tenant.id(), scopes, Instant.now())).isTrue();
        store.activate(id);
        return new Key(id, key.key());
    }

    private record Key(String id, String secret) {
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = call(request);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private JsonNode problem(MockHttpServletRequestBuilder request, int status, String code) throws Exception {
        MockHttpServletResponse response = call(request);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(body.get("code").asText()).isEqualTo(code);
        return body;
    }
}
