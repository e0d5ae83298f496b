package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.command.identity.Totp;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Produces the sign-in events through the API like a user would: an authenticator app switched on (the code
 * computed here from the enrolled secret) and off again, then a password change.
 */
final class SessionEventScenario {

    private static final String PASSWORD = "correct-horse-42";

    private SessionEventScenario() {
    }

    /** The superadmin is not needed: a tenant's own user does all of it. */
    static void run(StackClient client, String superadminToken) {
        String slug = "sessions-" + UUID.randomUUID().toString().substring(0, 8);
        client.signup(slug);
        String email = "owner@" + slug + ".test";
        String access = expect(client.post("/api/v1/auth/login", null, Map.of("email", email, "password", PASSWORD,
                "tenant", slug)), 200).get("accessToken").asText();

        String secret = expect(client.post("/api/v1/auth/2fa/enroll", access, "{}"), 200).get("secret").asText();
        JsonNode confirmed = expect(client.post("/api/v1/auth/2fa/confirm", access,
                Map.of("code", Totp.code(secret, Instant.now()))), 200);
        String withSecondFactor = confirmed.get("accessToken").asText();
        assertThat(confirmed.get("recoveryCodes").size()).isEqualTo(10);
        expect(client.post("/api/v1/auth/2fa/disable", withSecondFactor, Map.of("password", PASSWORD)), 204);

        JsonNode changed = expect(client.post("/api/v1/auth/password", withSecondFactor,
                Map.of("currentPassword", PASSWORD, "newPassword", "battery-staple-77")), 200);
        assertThat(changed.get("refreshToken").asText()).isNotBlank();
        assertThat(client.get("/api/v1/tenants/current", withSecondFactor).status()).isEqualTo(401);
    }

    private static JsonNode expect(StackClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : response.json();
    }
}
