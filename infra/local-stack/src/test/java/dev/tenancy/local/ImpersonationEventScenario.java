package dev.tenancy.local;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Produces an ImpersonationStartedEvent: a superadmin acts as a fresh tenant's owner, then the owner's view of it. */
final class ImpersonationEventScenario {

    private ImpersonationEventScenario() {
    }

    static void run(StackClient client, String superadminToken) {
        var signup = client.signup("imp-" + UUID.randomUUID().toString().substring(0, 8));
        String tenantId = signup.get("tenantId").asText();
        StackClient.Response granted = client.post("/api/v1/tenants/" + tenantId + "/impersonate", superadminToken,
                Map.of("reason", "support ticket 77: campaign stuck"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().get("userId").asText()).isEqualTo(signup.get("userId").asText());
        StackClient.Response changed = client.send("PATCH", "/api/v1/tenants/current/settings",
                granted.json().get("accessToken").asText(), Map.of(), "{\"currency\":\"EUR\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }
}
