package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Produces the API key events through the gateway: a Starter tenant's owner creates a key, the key reports usage
 * (an event caused by a key: its idempotency key is {@link #USAGE_KEY_PREFIX} + the key id), the owner revokes it,
 * and the revoked key is refused.
 */
final class ApiKeyEventScenario {

    static final String USAGE_KEY_PREFIX = "usage-by-api-key-";
    private static final String KEYS = "/api/v1/tenants/current/api-keys";
    private static final String USAGE = "/api/v1/tenants/current/usage";

    private ApiKeyEventScenario() {
    }

    static void run(StackClient client, String superadminToken) {
        JsonNode signup = client.signup("keys-" + UUID.randomUUID().toString().substring(0, 8));
        String owner = signup.get("accessToken").asText();
        expect(client.send("PATCH", "/api/v1/tenants/" + signup.get("tenantId").asText(), superadminToken, Map.of(),
                "{\"plan\":\"STARTER\"}"), 200);
        JsonNode created = expect(client.send("POST", KEYS, owner, Map.of(),
                "{\"name\":\"metering\",\"scopes\":[\"usage:write\"]}"), 201).json();
        String key = created.get("key").asText();
        String keyId = created.get("id").asText();
        String report = "{\"resource\":\"campaigns\",\"delta\":1,\"idempotencyKey\":\"" + USAGE_KEY_PREFIX + keyId
                + "\"}";
        expect(client.send("POST", USAGE, null, Map.of("X-API-Key", key), report), 200);
        expect(client.send("DELETE", KEYS + "/" + keyId, owner, Map.of(), ""), 204);
        expect(client.send("POST", USAGE, null, Map.of("Authorization", "Bearer " + key), report), 401);
    }

    private static StackClient.Response expect(StackClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response;
    }
}
