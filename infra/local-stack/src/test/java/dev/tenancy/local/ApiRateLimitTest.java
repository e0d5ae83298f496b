package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A superadmin's apiCallsPerHour override holds on both services, whichever one a call reaches. */
class ApiRateLimitTest extends StackTest {

    @Test
    void anOverriddenHourlyLimitIsEnforcedOnQueriesAndCommands() {
        JsonNode signup = client.signup("rate-" + UUID.randomUUID().toString().substring(0, 8));
        String token = signup.get("accessToken").asText();
        StackClient.Response override = client.send("PATCH", "/api/v1/tenants/" + signup.get("tenantId").asText(),
                superadminToken(), Map.of(), "{\"limits\":{\"apiCallsPerHour\":{\"unlimited\":false,\"max\":3}}}");
        assertThat(override.status()).as(override.body()).isEqualTo(200);
        String version = override.json().get("version").asText();
        String superadmin = superadminToken();
        String tenantId = signup.get("tenantId").asText();
        // Superadmins are not counted: wait, as one, for the query side to know the override.
        await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/api/v1/tenants/" + tenantId, superadmin)
                .json().at("/limits/apiCallsPerHour/max").asLong() == 3);

        // The reads all reach the query service, which decides on its own count before any other instance's
        // calls are shared (every second), so exactly three pass.
        StackClient.Response first = client.get("/api/v1/tenants/current", token, Map.of("X-Min-Version", version));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Limit")).as("the query side sees the override").isEqualTo("3");
        assertThat(client.get("/api/v1/tenants/current/features", token).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/tenants/current/settings", token).status()).isEqualTo(200);

        StackClient.Response refused = client.get("/api/v1/tenants/current/usage", token);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.json().get("code").asText()).isEqualTo("rate-limited");
        assertThat(refused.json().get("limit").asLong()).isEqualTo(3);
        assertThat(refused.header("Retry-After")).isNotNull();

        // The command service may or may not have heard of those calls yet; either way it applies the override.
        StackClient.Response command = client.send("PATCH", "/api/v1/tenants/current/settings", token, Map.of(),
                "{\"timezone\":\"Europe/Paris\"}");
        assertThat(command.status()).as(command.body()).isIn(200, 429);
        assertThat(command.header("X-RateLimit-Limit")).as("the command side sees the override").isEqualTo("3");
    }
}
