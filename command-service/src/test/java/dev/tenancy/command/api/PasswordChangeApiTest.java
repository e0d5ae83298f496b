package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordChangeApiTest extends SessionApiTestSupport {

    private static final String NEW_PASSWORD = "battery-staple-77";
    private static final String PASSWORD_ROUTE = "/api/v1/auth/password";

    @Test
    void aPasswordChangeEndsEverySessionOnBothServicesAndAnswersAFreshOne() throws Exception {
        Tenant tenant = signup();
        JsonNode session = session(tenant);
        JsonNode otherDevice = session(tenant);
        String userId = session.get("userId").asText();

        JsonNode fresh = ok(change(token(session, "accessToken"), PASSWORD, NEW_PASSWORD), 200);

        for (JsonNode old : new JsonNode[]{session, otherDevice}) {
            assertThat(accepted(token(old, "accessToken"))).isEqualTo(401);
            assertThat(otherService().verify(token(old, "accessToken")).failure()).isEqualTo("token revoked");
            assertThat(tokens.verify(token(old, "accessToken")).isValid()).isFalse();
            assertProblem(refresh(token(old, "refreshToken")), 401, "invalid-refresh-token");
        }
        assertThat(accepted(token(fresh, "accessToken"))).isEqualTo(200);
        assertThat(otherService().verify(token(fresh, "accessToken")).user().userId()).isEqualTo(userId);
        ok(refresh(token(fresh, "refreshToken")), 200);
        assertProblem(login(tenant, PASSWORD), 401, "invalid-credentials");
        ok(login(tenant, NEW_PASSWORD), 200);
    }

    @Test
    void theChangeIsAnEventWithoutAnySecret() throws Exception {
        Tenant tenant = signup();
        JsonNode session = session(tenant);

        ok(change(token(session, "accessToken"), PASSWORD, NEW_PASSWORD), 200);

        Document event = events(tenant.id()).get(events(tenant.id()).size() - 1);
        assertThat(event.getString("payloadType")).isEqualTo("dev.tenancy.api.user.event.PasswordChangedEvent");
        JsonNode payload = payload(event);
        assertThat(payload.get("tenantId").asText()).isEqualTo(tenant.id());
        assertThat(payload.get("userId").asText()).isEqualTo(session.get("userId").asText());
        assertThat(payload.size()).isEqualTo(2);
        assertThat(event.toJson()).doesNotContain(NEW_PASSWORD).doesNotContain("$2a$");
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndCountsTowardsTheLockout() throws Exception {
        Tenant tenant = signup();
        String access = token(session(tenant), "accessToken");
        long events = eventCount();

        for (int i = 0; i < 5; i++) {
            assertProblem(change(access, "wrong-horse-42", NEW_PASSWORD), 401, "invalid-credentials");
        }
        assertProblem(change(access, PASSWORD, NEW_PASSWORD), 429, "too-many-attempts");
        assertProblem(login(tenant, PASSWORD), 429, "too-many-attempts");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(accepted(access)).isEqualTo(200);

        clock.advance(Duration.ofSeconds(2));
        ok(change(access, PASSWORD, NEW_PASSWORD), 200);
    }

    @Test
    void theNewPasswordMustPassThePolicyAndDiffer() throws Exception {
        Tenant tenant = signup();
        String access = token(session(tenant), "accessToken");

        assertProblem(change(access, PASSWORD, "short-1"), 400, "validation-failed", "newPassword");
        assertProblem(change(access, PASSWORD, PASSWORD), 400, "validation-failed", "newPassword");
        assertProblem(change(access, PASSWORD, ownerEmail(tenant)), 400, "validation-failed", "newPassword");
        assertProblem(change(access, PASSWORD, "abcd1234".repeat(9) + "z"), 400, "validation-failed",
                "newPassword");
        assertProblem(send("POST", PASSWORD_ROUTE, access, "{}"), 400, "validation-failed", "currentPassword",
                "newPassword");
        assertThat(accepted(access)).isEqualTo(200);
        ok(login(tenant, PASSWORD), 200);
    }

    @Test
    void onlyAPersonWithTheirOwnTokenMayChangeTheirPassword() throws Exception {
        Tenant tenant = signup();
        JsonNode session = session(tenant);
        String userId = session.get("userId").asText();
        String impersonation = tokens.issue(new AuthenticatedUser(userId, tenant.id(), Role.OWNER, "root"));

        assertProblem(change(null, PASSWORD, NEW_PASSWORD), 401, "unauthenticated");
        assertProblem(change(impersonation, PASSWORD, NEW_PASSWORD), 403, "forbidden");
        String root = token(ok(send("POST", LOGIN, null,
                "{\"email\":\"root@platform.test\",\"password\":\"Sup3r-secret-pass\"}"), 200), "accessToken");
        JsonNode managed = assertProblem(change(root, "Sup3r-secret-pass", NEW_PASSWORD), 403, "forbidden");
        assertThat(managed.get("detail").asText()).contains("SUPERADMIN_PASSWORD");
        ok(login(tenant, PASSWORD), 200);
    }

    private java.net.http.HttpResponse<String> change(String access, String current, String next) throws Exception {
        return send("POST", PASSWORD_ROUTE, access, "{\"currentPassword\":\"" + current + "\",\"newPassword\":\""
                + next + "\"}");
    }
}
