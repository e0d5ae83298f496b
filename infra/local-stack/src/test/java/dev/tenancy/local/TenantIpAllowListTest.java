package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant's IP allow-list through the gateway, on both services. The test calls from the loopback address, which the
 * gateway passes on in X-Forwarded-For and the services take as the client's (the gateway is a trusted proxy).
 */
class TenantIpAllowListTest extends StackTest {

    private static final String SETTINGS = "/api/v1/tenants/current/settings";
    private static final String LOOPBACK = "{\"security\":{\"ipAllowList\":[\"127.0.0.1/32\",\"::1/128\"]}}";
    private static final String ELSEWHERE = "{\"security\":{\"ipAllowList\":[\"203.0.113.0/24\"]}}";

    @Test
    void theOwnerIsShutOutOfBothServicesOnceTheListLeavesTheirAddressOut() {
        JsonNode signup = client.signup("ipl-" + UUID.randomUUID().toString().substring(0, 8));
        String owner = signup.get("accessToken").asText();
        String tenantId = signup.get("tenantId").asText();
        String superadmin = superadminToken();
        Map<String, String> naming = Map.of("X-Tenant-Id", tenantId);

        expect(client.send("PATCH", SETTINGS, owner, Map.of(), LOOPBACK), 200);
        awaitAllowList(superadmin, naming, "127.0.0.1/32");
        expect(client.get("/api/v1/tenants/current", owner), 200);
        expect(client.send("PATCH", SETTINGS, owner, Map.of(), "{\"timezone\":\"Europe/Madrid\"}"), 200);

        StackClient.Response lockout = client.send("PATCH", SETTINGS, owner, Map.of(), ELSEWHERE);
        expect(lockout, 400);
        assertThat(lockout.json().get("code").asText()).isEqualTo("ip-allow-list-excludes-caller");

        expect(client.send("PATCH", SETTINGS, superadmin, naming, ELSEWHERE), 200);
        awaitAllowList(superadmin, naming, "203.0.113.0/24");

        refused(client.get("/api/v1/tenants/current", owner));
        refused(client.get("/api/v1/tenants/current/settings", owner));
        refused(client.send("PATCH", SETTINGS, owner, Map.of(), "{\"timezone\":\"Europe/Lisbon\"}"));
        expect(client.get("/api/v1/tenants/current", superadmin, naming), 200);

        expect(client.send("PATCH", SETTINGS, superadmin, naming, "{\"security\":{\"ipAllowList\":[]}}"), 200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.get("/api/v1/tenants/current", owner).status() == 200);
    }

    /** Superadmins are exempt and not rate limited: they watch the query side catch up. */
    private static void awaitAllowList(String superadmin, Map<String, String> naming, String entry) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                client.get("/api/v1/tenants/current/settings", superadmin, naming).json()
                        .at("/security/ipAllowList/0").asText().equals(entry));
    }

    private static void refused(StackClient.Response response) {
        expect(response, 403);
        assertThat(response.json().get("code").asText()).isEqualTo("ip-not-allowed");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("203.0.113");
    }

    private static void expect(StackClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
