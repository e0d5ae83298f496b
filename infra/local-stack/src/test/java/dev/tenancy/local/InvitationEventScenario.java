package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the member API until every member event exists: an invitation accepted, the new member's role changed and
 * the member removed, and an invitation found expired by a command service whose clock runs 8 days ahead. The users
 * read model then lists the owner alone, and the usage counter shows one seat.
 */
final class InvitationEventScenario {

    private static final String PASSWORD = "joining-horse-42";

    private InvitationEventScenario() {
    }

    static void run(StackClient client, String superadminToken) {
        String slug = "inv-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode signup = client.signup(slug);
        String tenantId = signup.get("tenantId").asText();
        String owner = signup.get("accessToken").asText();
        String joining = invite(client, owner, "joining@" + slug + ".test");
        String late = invite(client, owner, "late@" + slug + ".test");

        StackClient.Response accepted = accept(client, joining);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String userId = accepted.json().get("userId").asText();
        expect(client.send("PATCH", "/api/v1/tenants/current/users/" + userId, superadminToken,
                Map.of("X-Tenant-Id", tenantId), "{\"role\":\"ADMIN\"}"), 200);
        StackClient.Response removed = client.send("DELETE", "/api/v1/tenants/current/users/" + userId, owner,
                Map.of(), "");
        expect(removed, 204);

        ConfigurableApplicationContext later = StackTest.stack.startCommandService(0, context ->
                context.getBeanFactory().registerSingleton("clock",
                        Clock.offset(Clock.systemUTC(), Duration.ofDays(8))));
        try {
            int port = ((WebServerApplicationContext) later).getWebServer().getPort();
            StackClient.Response expired = accept(new StackClient("http://localhost:" + port), late);
            assertThat(expired.status()).as(expired.body()).isEqualTo(410);
            assertThat(expired.json().get("code").asText()).isEqualTo("invitation-expired");
        } finally {
            later.close();
        }

        JsonNode users = client.get("/api/v1/tenants/current/users", owner,
                Map.of("X-Min-Version", removed.header("X-Tenant-Version"))).json();
        assertThat(users.get("users").findValuesAsText("email")).isEqualTo(List.of("owner@" + slug + ".test"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode seats = client.get("/api/v1/tenants/current/usage", owner).json().findParents("resource")
                    .stream().filter(r -> r.get("resource").asText().equals("users")).findFirst().orElseThrow();
            assertThat(seats.get("used").asLong()).as("seats in the usage counter: the owner alone").isEqualTo(1);
        });
    }

    private static String invite(StackClient client, String owner, String email) {
        StackClient.Response invited = client.send("POST", "/api/v1/tenants/current/invitations", owner, Map.of(),
                "{\"email\":\"" + email + "\",\"role\":\"MEMBER\"}");
        expect(invited, 201);
        return invited.json().get("token").asText();
    }

    private static StackClient.Response accept(StackClient client, String token) {
        return client.post("/api/v1/auth/invitations/accept", null,
                Map.of("token", token, "password", PASSWORD));
    }

    private static void expect(StackClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
