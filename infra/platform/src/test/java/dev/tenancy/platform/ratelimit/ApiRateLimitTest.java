package dev.tenancy.platform.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.tenant.TenantResolver;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static dev.tenancy.platform.ratelimit.ApiRateLimitInterceptor.LIMIT_HEADER;
import static dev.tenancy.platform.ratelimit.ApiRateLimitInterceptor.REMAINING_HEADER;
import static dev.tenancy.platform.ratelimit.ApiRateLimitInterceptor.RESET_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The interceptor in a running service; the background sync is slowed down so each test syncs when it wants. */
@SpringBootTest(classes = RateLimitTestApplication.class, properties = {
        "spring.application.name=test",
        "tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "tenancy.event-store.service-database=test",
        "tenancy.health.kafka.enabled=false",
        "tenancy.rate-limit.sync-interval=1h"})
@AutoConfigureMockMvc
class ApiRateLimitTest {

    private static final Instant TEN_FIFTEEN = Instant.parse("2030-01-01T10:15:00Z");
    private static final long ELEVEN = Instant.parse("2030-01-01T11:00:00Z").getEpochSecond();
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = "mongodb://localhost:" + MONGO.bind().getPort();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessTokens tokens;
    @Autowired
    TestClock clock;
    @Autowired
    ApiCallCounter counter;
    @Autowired
    MongoClient mongo;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO_URI);
    }

    @BeforeEach
    void tenFifteen() {
        clock.set(TEN_FIFTEEN);
    }

    @Test
    void everyCountedCallCarriesTheLimitTheRemainderAndTheReset() throws Exception {
        String tenant = "tiny-" + UUID.randomUUID();
        for (long call = 1; call <= RateLimitTestApplication.TINY_LIMIT; call++) {
            MockHttpServletResponse response = call(asMemberOf(tenant));
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader(LIMIT_HEADER)).isEqualTo("3");
            assertThat(response.getHeader(REMAINING_HEADER)).isEqualTo(String.valueOf(3 - call));
            assertThat(response.getHeader(RESET_HEADER)).isEqualTo(String.valueOf(ELEVEN));
            assertThat(response.getHeader("Retry-After")).isNull();
        }
        assertThat(counter.used(tenant)).isEqualTo(3);
    }

    @Test
    void pastTheLimitCallsAreRefusedWith429AndNotCounted() throws Exception {
        String tenant = "tiny-" + UUID.randomUUID();
        for (int call = 0; call < 3; call++) {
            assertThat(call(asMemberOf(tenant)).getStatus()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(20).plusSeconds(20).plusMillis(300));

        MockHttpServletResponse refused = call(asMemberOf(tenant));
        MockHttpServletResponse again = call(asMemberOf(tenant));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode body = json.readTree(refused.getContentAsString());
        assertThat(body.get("code").asText()).isEqualTo("rate-limited");
        assertThat(body.get("limit").asLong()).isEqualTo(3);
        assertThat(body.get("used").asLong()).isEqualTo(3);
        assertThat(body.get("resetAt").asText()).isEqualTo("2030-01-01T11:00:00Z");
        assertThat(refused.getHeader("Retry-After")).isEqualTo(String.valueOf(24 * 60 + 40));
        assertThat(refused.getHeader(LIMIT_HEADER)).isEqualTo("3");
        assertThat(refused.getHeader(REMAINING_HEADER)).isEqualTo("0");
        assertThat(refused.getHeader(RESET_HEADER)).isEqualTo(String.valueOf(ELEVEN));
        assertThat(again.getStatus()).isEqualTo(429);
        assertThat(counter.used(tenant)).isEqualTo(3);
    }

    @Test
    void theNextHourStartsAgainFromZero() throws Exception {
        String tenant = "tiny-" + UUID.randomUUID();
        for (int call = 0; call < 3; call++) {
            call(asMemberOf(tenant));
        }
        assertThat(call(asMemberOf(tenant)).getStatus()).isEqualTo(429);

        clock.set(Instant.parse("2030-01-01T11:00:00Z"));
        MockHttpServletResponse response = call(asMemberOf(tenant));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader(REMAINING_HEADER)).isEqualTo("2");
        assertThat(response.getHeader(RESET_HEADER))
                .isEqualTo(String.valueOf(Instant.parse("2030-01-01T12:00:00Z").getEpochSecond()));
    }

    @Test
    void superadminsAndPublicCallsAreNeitherCountedNorLimited() throws Exception {
        String tenant = "tiny-" + UUID.randomUUID();
        var superadmin = new AuthenticatedUser("root", null, Role.SUPERADMIN, null);
        var impersonating = new AuthenticatedUser("owner-" + tenant, tenant, Role.OWNER, "root");
        for (int call = 0; call < 5; call++) {
            assertUncounted(call(as(superadmin).header(TenantResolver.HEADER, tenant)), tenant);
            assertUncounted(call(as(impersonating)), tenant);
            assertUncounted(call(get("/api/rl/public").header(TenantResolver.HEADER, tenant)), tenant);
        }
        assertThat(counter.used(tenant)).isZero();
    }

    @Test
    void withoutTheServicesOwnLimitThePlansLimitApplies() throws Exception {
        String starter = "starter-" + UUID.randomUUID();
        MockHttpServletResponse response = call(asMemberOf(starter));
        assertThat(response.getHeader(LIMIT_HEADER)).isEqualTo("5000");
        assertThat(response.getHeader(REMAINING_HEADER)).isEqualTo("4999");
    }

    @Test
    void anUnlimitedPlanIsCountedWithoutHeaders() throws Exception {
        String enterprise = "enterprise-" + UUID.randomUUID();
        MockHttpServletResponse response = call(asMemberOf(enterprise));
        call(asMemberOf(enterprise));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderNames()).doesNotContain(LIMIT_HEADER, REMAINING_HEADER, RESET_HEADER);
        assertThat(counter.used(enterprise)).isEqualTo(2);
    }

    @Test
    void aSyncAddsTheCallsToTheSharedHourlyCounter() throws Exception {
        String tenant = "starter-" + UUID.randomUUID();
        for (int call = 0; call < 4; call++) {
            call(asMemberOf(tenant));
        }
        counter.sync();
        call(asMemberOf(tenant));
        counter.sync();

        Document stored = mongo.getDatabase("tenancy_shared").getCollection("api_call_counters")
                .find(new Document("_id", tenant + ":2030-01-01T10:00:00Z")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("tenantId")).isEqualTo(tenant);
        assertThat(stored.get("hourStart", Date.class)).isEqualTo(Date.from(Instant.parse("2030-01-01T10:00:00Z")));
        assertThat(((Number) stored.get("count")).longValue()).isEqualTo(5);
        assertThat(counter.unsynced()).isZero();
    }

    private void assertUncounted(MockHttpServletResponse response, String tenant) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(response.getContentAsString()).get("tenant").asText()).isEqualTo(tenant);
        assertThat(response.getHeader(LIMIT_HEADER)).isNull();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletRequestBuilder asMemberOf(String tenant) {
        return as(new AuthenticatedUser("member-of-" + tenant, tenant, Role.MEMBER, null));
    }

    private MockHttpServletRequestBuilder as(AuthenticatedUser user) {
        return get("/api/rl/plain").header("Authorization", "Bearer " + tokens.issue(user));
    }
}
