package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ImpersonationApiTest extends CommandApiTestSupport {

    private static final String REASON = "{\"reason\":\"ticket 4711: invoices look wrong\"}";

    private static String impersonate(Tenant tenant) {
        return "/api/v1/tenants/" + tenant.id() + "/impersonate";
    }

    private String ownerId(Tenant tenant) {
        return tokens.verify(tenant.ownerToken()).user().userId();
    }

    @Test
    void aSuperadminGetsAShortLivedTokenActingAsTheOwner() throws Exception {
        Tenant tenant = signup();
        HttpResponse<String> response = send("POST", impersonate(tenant), superadmin(), REASON);
        JsonNode body = ok(response, 200);

        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isBetween(590L, 600L);
        assertThat(body.get("tenantId").asText()).isEqualTo(tenant.id());
        assertThat(body.get("userId").asText()).isEqualTo(ownerId(tenant));
        assertThat(body.get("actingSuperadmin").asText()).isEqualTo("root");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(tokens.verify(body.get("accessToken").asText()).user())
                .isEqualTo(new AuthenticatedUser(ownerId(tenant), tenant.id(), Role.OWNER, "root"));

        Document stored = events(tenant.id()).get(events(tenant.id()).size() - 1);
        assertThat(stored.getString("payloadType")).endsWith("impersonation.ImpersonationStartedEvent");
        JsonNode event = payload(stored);
        assertThat(event.get("superadminId").asText()).isEqualTo("root");
        assertThat(event.get("ownerUserId").asText()).isEqualTo(ownerId(tenant));
        assertThat(event.get("reason").asText()).isEqualTo("ticket 4711: invoices look wrong");
        Instant started = Instant.parse(event.get("startedAt").asText());
        assertThat(Instant.parse(event.get("expiresAt").asText())).isEqualTo(started.plusSeconds(600));
        assertThat(stored.toJson()).doesNotContain(body.get("accessToken").asText());
    }

    @Test
    void whatTheImpersonatorChangesNamesTheOwnerAsActorAndTheSuperadminBehindIt() throws Exception {
        Tenant tenant = signup();
        String token = ok(send("POST", impersonate(tenant), superadmin(), REASON), 200).get("accessToken").asText();

        ok(send("PATCH", "/api/v1/tenants/current/settings", token, "{\"timezone\":\"Europe/Vienna\"}"), 200);

        Document changed = events(tenant.id()).stream()
                .filter(e -> e.getString("payloadType").endsWith("SettingsChangedEvent")).findFirst().orElseThrow();
        Object stored = changed.get("serializedMetaData");
        JsonNode metadata = json.readTree(stored instanceof String text ? text : ((Document) stored).toJson());
        assertThat(metadata.get(MetadataKeys.ACTOR_ID).asText()).isEqualTo(ownerId(tenant));
        assertThat(metadata.get(MetadataKeys.ACTOR_ROLE).asText()).isEqualTo("OWNER");
        assertThat(metadata.get(MetadataKeys.ACTING_SUPERADMIN).asText()).isEqualTo("root");
        assertThat(metadata.get(MetadataKeys.TENANT_ID).asText()).isEqualTo(tenant.id());
    }

    @Test
    void onlySuperadminsMayImpersonateAndOnlyWithAReason() throws Exception {
        Tenant tenant = signup();
        assertProblem(send("POST", impersonate(tenant), tenant.ownerToken(), REASON), 403, "forbidden");
        assertProblem(send("POST", impersonate(tenant), null, REASON), 401, "unauthenticated");
        String impersonator = ok(send("POST", impersonate(tenant), superadmin(), REASON), 200)
                .get("accessToken").asText();
        assertProblem(send("POST", impersonate(tenant), impersonator, REASON), 403, "forbidden");

        assertProblem(send("POST", impersonate(tenant), superadmin(), "{}"), 400, "validation-failed", "reason");
        assertProblem(send("POST", impersonate(tenant), superadmin(), null), 400, "validation-failed", "reason");
        assertProblem(send("POST", impersonate(tenant), superadmin(), "{\"reason\":\" ok \"}"), 400,
                "validation-failed", "reason");
        assertProblem(send("POST", impersonate(tenant), superadmin(), "{\"reason\":\"" + "x".repeat(501) + "\"}"),
                400, "validation-failed", "reason");
        assertProblem(send("POST", impersonate(tenant), superadmin(), "{\"reason\":\"abc\",\"ttl\":\"PT9H\"}"), 400,
                "unknown-field");
    }

    @Test
    void theTenantsComplianceSettingCanForbidIt() throws Exception {
        Tenant tenant = signup();
        ok(send("PATCH", "/api/v1/tenants/current/settings", tenant.ownerToken(),
                "{\"compliance\":{\"allowImpersonation\":false}}"), 200);
        long before = eventCount();

        JsonNode problem = assertProblem(send("POST", impersonate(tenant), superadmin(), REASON), 403,
                "impersonation-not-allowed");
        assertThat(problem.get("detail").asText()).contains("compliance.allowImpersonation");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unknownAndDeletedTenantsAreNotFoundWhileSuspendedOnesCanBeSupported() throws Exception {
        assertProblem(send("POST", "/api/v1/tenants/no-such-tenant/impersonate", superadmin(), REASON), 404,
                "tenant-not-found");
        Tenant tenant = signup();
        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(),
                "{\"status\":\"SUSPENDED\",\"reason\":\"unpaid\"}"), 200);
        String token = ok(send("POST", impersonate(tenant), superadmin(), REASON), 200).get("accessToken").asText();
        assertThat(tokens.verify(token).user().actingSuperadmin()).isEqualTo("root");

        ok(send("DELETE", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"reason\":\"closed\"}"), 200);
        assertProblem(send("POST", impersonate(tenant), superadmin(), REASON), 404, "tenant-not-found");
    }
}
