package dev.tenancy.platform.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.junit.jupiter.api.Test;

import static dev.tenancy.platform.tenant.Tenants.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Whatever is wrong with the Authorization header, a protected route answers 401 unauthenticated. */
class AuthorizationHeaderTest extends TenantWebTestSupport {

    @Test
    void malformedHeadersAreUnauthenticated() throws Exception {
        String valid = tokens.issue(new AuthenticatedUser("owner-of-acme", ACME.id(), Role.OWNER, null));
        assertResolved(ok(get("/api/test/plain").header("Authorization", "Bearer " + valid)), ACME);

        for (String header : new String[]{valid, "Basic " + valid, "Bearer", "Bearer ", "", "   ", "Bearer garbage",
                "Bearer a.b.c", "Token " + valid, "Bearer " + valid + " " + valid, "Bearer " + valid + "," + valid}) {
            JsonNode problem = problem(get("/api/test/plain").header("Authorization", header), 401,
                    "unauthenticated");
            assertThat(problem.get("detail").asText()).as(header).contains("rejected");
        }
    }

    @Test
    void twoAuthorizationHeadersAreNotBelievedEvenIfOneIsValid() throws Exception {
        String valid = tokens.issue(new AuthenticatedUser("owner-of-acme", ACME.id(), Role.OWNER, null));

        problem(get("/api/test/plain").header("Authorization", "Bearer " + valid, "Bearer garbage"), 401,
                "unauthenticated");
        problem(get("/api/test/plain").header("Authorization", "Bearer " + valid, "Bearer " + valid), 401,
                "unauthenticated");
    }
}
