package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.command.identity.CredentialStore;
import dev.tenancy.platform.security.TokenVersions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Refresh tokens: rotation, reuse detection, expiry and every way a session ends. */
class RefreshTokenApiTest extends SessionApiTestSupport {

    @Autowired
    CredentialStore credentials;
    @Autowired
    TokenVersions versions;

    @Test
    void aSignInAnswersARefreshTokenThatIsStoredOnlyAsItsHash() throws Exception {
        Tenant tenant = signup();
        JsonNode session = session(tenant);

        String refreshToken = token(session, "refreshToken");
        assertThat(session.get("refreshExpiresIn").asLong()).isEqualTo(Duration.ofDays(30).toSeconds());
        assertThat(session.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(session.get("mfaRequired").asBoolean()).isFalse();
        assertThat(refreshToken).hasSizeGreaterThanOrEqualTo(43);
        var stored = mongo.getDatabase("tenancy_command").getCollection("refresh_tokens")
                .find(new Document("userId", session.get("userId").asText())).into(new java.util.ArrayList<>());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).toJson()).doesNotContain(refreshToken)
                .contains(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(refreshToken.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void aRefreshRotatesAndAnsweringAUsedTokenAgainEndsTheWholeSession() throws Exception {
        Tenant tenant = signup();
        JsonNode first = session(tenant);
        clock.advance(Duration.ofMinutes(1));

        JsonNode second = ok(refresh(token(first, "refreshToken")), 200);

        assertThat(token(second, "refreshToken")).isNotEqualTo(token(first, "refreshToken"));
        assertThat(token(second, "accessToken")).isNotEqualTo(token(first, "accessToken"));
        assertThat(second.get("tenantId").asText()).isEqualTo(tenant.id());
        assertThat(second.get("role").asText()).isEqualTo("OWNER");
        assertThat(accepted(token(second, "accessToken"))).isEqualTo(200);
        assertThat(otherService().verify(token(second, "accessToken")).user().tenantId()).isEqualTo(tenant.id());
        JsonNode third = ok(refresh(token(second, "refreshToken")), 200);

        assertProblem(refresh(token(first, "refreshToken")), 401, "refresh-token-reused");

        assertProblem(refresh(token(third, "refreshToken")), 401, "invalid-refresh-token");
        assertProblem(refresh(token(first, "refreshToken")), 401, "invalid-refresh-token");
    }

    @Test
    void anotherSessionOfTheSameUserSurvivesAReuse() throws Exception {
        Tenant tenant = signup();
        JsonNode stolen = session(tenant);
        JsonNode otherDevice = session(tenant);
        ok(refresh(token(stolen, "refreshToken")), 200);

        assertProblem(refresh(token(stolen, "refreshToken")), 401, "refresh-token-reused");

        ok(refresh(token(otherDevice, "refreshToken")), 200);
    }

    @Test
    void anExpiredRefreshTokenIsRefused() throws Exception {
        Tenant tenant = signup();
        JsonNode session = session(tenant);
        clock.advance(Duration.ofDays(30));

        assertProblem(refresh(token(session, "refreshToken")), 401, "invalid-refresh-token");
        assertThat(accepted(token(session, "accessToken"))).isEqualTo(401);
    }

    @Test
    void aRefreshFailsOnceTheUsersTokensWereRevoked() throws Exception {
        Tenant tenant = signup();
        JsonNode session = session(tenant);

        versions.revoke(session.get("userId").asText());

        assertProblem(refresh(token(session, "refreshToken")), 401, "invalid-refresh-token");
        assertThat(accepted(token(session, "accessToken"))).isEqualTo(401);
        ok(refresh(token(session(tenant), "refreshToken")), 200);
    }

    @Test
    void aRefreshFailsForARemovedUser() throws Exception {
        Tenant tenant = signup();
        JsonNode session = session(tenant);

        credentials.remove(session.get("userId").asText());

        JsonNode problem = assertProblem(refresh(token(session, "refreshToken")), 401, "invalid-refresh-token");
        assertThat(problem.get("detail").asText()).contains("no longer exists");
    }

    @Test
    void aRefreshFailsForADeletedTenant() throws Exception {
        Tenant tenant = signup();
        JsonNode session = session(tenant);
        ok(send("DELETE", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"reason\":\"closed\"}"), 200);

        JsonNode problem = assertProblem(refresh(token(session, "refreshToken")), 401, "invalid-refresh-token");
        assertThat(problem.get("detail").asText()).contains("deleted");
    }

    @Test
    void aRefreshTokenIsRequiredAndMustBeKnown() throws Exception {
        assertProblem(send("POST", REFRESH, null, "{}"), 400, "validation-failed", "refreshToken");
        assertProblem(send("POST", REFRESH, null, "{\"refreshToken\":\"x\",\"extra\":1}"), 400, "unknown-field");
        assertProblem(refresh("made-up-token-made-up-token-made-up-token-00"), 401, "invalid-refresh-token");
        assertProblem(refresh("x".repeat(500)), 401, "invalid-refresh-token");
    }

    @Test
    void aSignOutEndsThatSessionAndItsAccessTokenOnly() throws Exception {
        Tenant tenant = signup();
        JsonNode session = session(tenant);
        JsonNode otherDevice = session(tenant);
        long events = eventCount();

        ok(send("POST", LOGOUT, token(session, "accessToken"),
                "{\"refreshToken\":\"" + token(session, "refreshToken") + "\"}"), 204);

        assertProblem(refresh(token(session, "refreshToken")), 401, "invalid-refresh-token");
        assertThat(accepted(token(session, "accessToken"))).isEqualTo(401);
        assertThat(otherService().verify(token(session, "accessToken")).failure()).isEqualTo("token revoked");
        assertThat(accepted(token(otherDevice, "accessToken"))).isEqualTo(200);
        ok(refresh(token(otherDevice, "refreshToken")), 200);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aSignOutDoesNotRevokeSomeoneElsesAccessTokenSentAlong() throws Exception {
        Tenant tenant = signup();
        Tenant other = signup();
        JsonNode mine = session(tenant);
        JsonNode theirs = session(other);

        ok(send("POST", LOGOUT, token(theirs, "accessToken"),
                "{\"refreshToken\":\"" + token(mine, "refreshToken") + "\"}"), 204);

        assertThat(accepted(token(theirs, "accessToken"))).isEqualTo(200);
        assertProblem(refresh(token(mine, "refreshToken")), 401, "invalid-refresh-token");
    }

    @Test
    void aSignOutEverywhereEndsEverySessionAtOnce() throws Exception {
        Tenant tenant = signup();
        JsonNode session = session(tenant);
        JsonNode otherDevice = session(tenant);

        ok(send("POST", LOGOUT, null, "{\"refreshToken\":\"" + token(session, "refreshToken")
                + "\",\"everywhere\":true}"), 204);

        assertThat(accepted(token(session, "accessToken"))).isEqualTo(401);
        assertThat(accepted(token(otherDevice, "accessToken"))).isEqualTo(401);
        assertThat(otherService().verify(token(otherDevice, "accessToken")).isValid()).isFalse();
        assertProblem(refresh(token(otherDevice, "refreshToken")), 401, "invalid-refresh-token");
        ok(login(tenant, PASSWORD), 200);
    }

    @Test
    void aSignOutNeedsAKnownRefreshTokenButNoAccessToken() throws Exception {
        assertProblem(send("POST", LOGOUT, null, "{}"), 400, "validation-failed", "refreshToken");
        assertProblem(send("POST", LOGOUT, null, "{\"refreshToken\":\"nope\"}"), 401, "invalid-refresh-token");
        Tenant tenant = signup();
        JsonNode session = session(tenant);
        clock.advance(Duration.ofMinutes(20));

        ok(send("POST", LOGOUT, token(session, "accessToken"),
                "{\"refreshToken\":\"" + token(session, "refreshToken") + "\"}"), 204);
        assertProblem(refresh(token(session, "refreshToken")), 401, "invalid-refresh-token");
    }
}
