package dev.tenancy.platform.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Runs the test service in-process (MockMvc), so each request can come from any peer address. */
@SpringBootTest(classes = TenantTestApplication.class, properties = {
        "spring.application.name=test",
        "tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "tenancy.event-store.service-database=test",
        "tenancy.health.kafka.enabled=false",
        "tenancy.base-domain=localhost"})
@AutoConfigureMockMvc
abstract class TenantWebTestSupport {

    static final String SUPERADMIN = "root-1";
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = "mongodb://localhost:" + MONGO.bind().getPort();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessTokens tokens;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO_URI);
    }

    MockHttpServletRequestBuilder as(String path, AuthenticatedUser user) {
        return get(path).header("Authorization", "Bearer " + tokens.issue(user));
    }

    MockHttpServletRequestBuilder asOwnerOf(String path, TenantRef tenant) {
        return as(path, new AuthenticatedUser("owner-of-" + tenant.slug(), tenant.id(), Role.OWNER, null));
    }

    MockHttpServletRequestBuilder asSuperadmin(String path) {
        return as(path, new AuthenticatedUser(SUPERADMIN, null, Role.SUPERADMIN, null));
    }

    static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String peer) {
        return request.with(r -> {
            r.setRemoteAddr(peer);
            return r;
        });
    }

    JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    JsonNode problem(MockHttpServletRequestBuilder request, int status, String code) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(body.get("code").asText()).isEqualTo(code);
        return body;
    }

    static void assertResolved(JsonNode body, TenantRef tenant) {
        assertThat(body.get("tenant").asText()).isEqualTo(tenant.slug());
        assertThat(body.get("contextTenant").asText()).isEqualTo(tenant.id());
    }
}
