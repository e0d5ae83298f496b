package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An authenticator app as second factor, from enrollment through sign-in to switching it off. */
class TwoFactorApiTest extends SessionApiTestSupport {

    private static final String ENROLL = "/api/v1/auth/2fa/enroll";
    private static final String CONFIRM = "/api/v1/auth/2fa/confirm";
    private static final String DISABLE = "/api/v1/auth/2fa/disable";

    @Test
    void enrollingGivesASecretThatCountsOnlyOnceConfirmed() throws Exception {
        Tenant tenant = signup();
        String access = token(session(tenant), "accessToken");

        JsonNode enrollment = ok(send("POST", ENROLL, access, null), 200);

        String secret = enrollment.get("secret").asText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(enrollment.get("otpauthUri").asText()).startsWith("otpauth://totp/Tenancy%20Platform:owner%40")
                .contains("secret=" + secret).contains("issuer=Tenancy%20Platform").contains("digits=6")
                .contains("period=30").contains("algorithm=SHA1");
        assertThat(session(tenant).get("mfaRequired").asBoolean()).isFalse();
        Document stored = factorOf(tenant);
        assertThat(stored.getString("state")).isEqualTo("PENDING");
        assertThat(stored.getString("secret")).startsWith("enc:v1:").doesNotContain(secret);
        assertThat(eventTypes(tenant.id())).doesNotContain("dev.tenancy.api.user.event.TwoFactorEnabledEvent");
    }

    @Test
    void confirmingSwitchesItOnWithRecoveryCodesAndASessionThatPassedIt() throws Exception {
        Tenant tenant = signup();
        String access = token(session(tenant), "accessToken");
        String secret = ok(send("POST", ENROLL, access, null), 200).get("secret").asText();

        assertProblem(confirm(access, "000000".equals(code(secret)) ? "111111" : "000000"), 401, "invalid-mfa-code");
        JsonNode confirmed = ok(confirm(access, code(secret)), 200);

        List<String> recoveryCodes = new ArrayList<>();
        confirmed.get("recoveryCodes").forEach(node -> recoveryCodes.add(node.asText()));
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}"));
        AuthenticatedUser user = tokens.verify(token(confirmed, "accessToken")).user();
        assertThat(user.secondFactor()).isTrue();
        JsonNode refreshed = ok(refresh(token(confirmed, "refreshToken")), 200);
        assertThat(tokens.verify(token(refreshed, "accessToken")).user().secondFactor()).isTrue();
        assertThat(tokens.verify(access).user().secondFactor()).isFalse();
        Document stored = factorOf(tenant);
        assertThat(stored.getString("state")).isEqualTo("ENABLED");
        assertThat(stored.toJson()).doesNotContain(recoveryCodes.get(0)).doesNotContain(secret);
        JsonNode event = payload(events(tenant.id()).get(events(tenant.id()).size() - 1));
        assertThat(lastEventType(tenant)).isEqualTo("TwoFactorEnabledEvent");
        assertThat(event.get("userId").asText()).isEqualTo(user.userId());
        assertThat(event.size()).isEqualTo(2);
        assertProblem(send("POST", ENROLL, access, null), 409, "two-factor-already-enabled");
        assertProblem(confirm(access, code(secret)), 409, "two-factor-already-enabled");
    }

    @Test
    void aTenantRequiringASecondFactorLetsItsPeopleWithoutOneOnlyEnroll() throws Exception {
        Tenant tenant = signup();
        String before = token(session(tenant), "accessToken");
        ok(send("PATCH", SETTINGS, before, "{\"security\":{\"twoFactorRequired\":true}}"), 200);

        assertProblem(send("PATCH", SETTINGS, before, "{\"timezone\":\"UTC\"}"), 403, "two-factor-required");
        assertProblem(send("POST", "/api/v1/tenants/current/domains", before,
                "{\"domain\":\"mfa-" + tenant.slug() + ".example.com\"}"), 403, "two-factor-required");
        String secret = ok(send("POST", ENROLL, before, null), 200).get("secret").asText();
        JsonNode confirmed = ok(confirm(before, code(secret)), 200);

        ok(send("PATCH", SETTINGS, token(confirmed, "accessToken"), "{\"timezone\":\"Europe/Paris\"}"), 200);
        assertProblem(send("PATCH", SETTINGS, before, "{\"timezone\":\"Asia/Tokyo\"}"), 403,
                "two-factor-required");
        assertThat(lastEventType(tenant)).isEqualTo("SettingsChangedEvent");
    }

    @Test
    void signingInThenNeedsACodeUsableOncePerTimeStep() throws Exception {
        Tenant tenant = signup();
        String secret = enable(tenant).secret();

        HttpResponse<String> challenge = login(tenant, PASSWORD);
        assertThat(ok(challenge, 200).toString()).isEqualTo("{\"mfaRequired\":true}");
        assertProblem(login(tenant, "wrong-horse-42"), 401, "invalid-credentials");
        assertProblem(login(tenant, "wrong-horse-42", code(secret)), 401, "invalid-credentials");

        clock.advance(Duration.ofSeconds(30));
        String current = code(secret);
        JsonNode session = ok(login(tenant, PASSWORD, current), 200);
        assertThat(tokens.verify(token(session, "accessToken")).user().secondFactor()).isTrue();
        assertProblem(login(tenant, PASSWORD, current), 401, "invalid-mfa-code");

        clock.advance(Duration.ofSeconds(30));
        ok(login(tenant, PASSWORD, " " + code(secret) + " "), 200);
    }

    @Test
    void aRecoveryCodeSignsInExactlyOnce() throws Exception {
        Tenant tenant = signup();
        Enabled enabled = enable(tenant);
        String recovery = enabled.recoveryCodes().get(3);

        JsonNode session = ok(login(tenant, PASSWORD, recovery.toLowerCase()), 200);

        assertThat(tokens.verify(token(session, "accessToken")).user().secondFactor()).isTrue();
        assertProblem(login(tenant, PASSWORD, recovery), 401, "invalid-mfa-code");
        ok(login(tenant, PASSWORD, enabled.recoveryCodes().get(4).replace("-", "")), 200);
        assertThat(factorOf(tenant).getList("recoveryCodes", String.class)).hasSize(8);
    }

    @Test
    void wrongCodesCountTowardsTheLockoutButTheChallengeDoesNot() throws Exception {
        Tenant tenant = signup();
        String secret = enable(tenant).secret();
        String wrong = code(secret).equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 4; i++) {
            assertProblem(login(tenant, PASSWORD, wrong), 401, "invalid-mfa-code");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(ok(login(tenant, PASSWORD), 200).get("mfaRequired").asBoolean()).isTrue();
        }
        assertProblem(login(tenant, PASSWORD, wrong), 401, "invalid-mfa-code");
        assertProblem(login(tenant, PASSWORD, code(secret)), 429, "too-many-attempts");
        clock.advance(Duration.ofSeconds(30));
        ok(login(tenant, PASSWORD, code(secret)), 200);
    }

    @Test
    void disablingNeedsACodeOrThePasswordAndIsRecorded() throws Exception {
        Tenant tenant = signup();
        Enabled enabled = enable(tenant);
        String access = enabled.accessToken();

        assertProblem(disable(access, "{}"), 400, "validation-failed", "code", "password");
        assertProblem(disable(access, "{\"code\":\"123456\",\"password\":\"" + PASSWORD + "\"}"), 400,
                "validation-failed");
        assertProblem(disable(access, "{\"password\":\"wrong-horse-42\"}"), 401, "invalid-credentials");
        assertProblem(disable(access, "{\"code\":\"" + (code(enabled.secret()).equals("000000") ? "111111"
                : "000000") + "\"}"), 401, "invalid-mfa-code");
        assertThat(factorOf(tenant).getString("state")).isEqualTo("ENABLED");

        clock.advance(Duration.ofSeconds(30));
        ok(disable(access, "{\"code\":\"" + code(enabled.secret()) + "\"}"), 204);

        assertThat(lastEventType(tenant)).isEqualTo("TwoFactorDisabledEvent");
        assertThat(factorOf(tenant)).isNull();
        assertThat(ok(login(tenant, PASSWORD), 200).hasNonNull("accessToken")).isTrue();
        assertProblem(disable(access, "{\"password\":\"" + PASSWORD + "\"}"), 409, "two-factor-not-enabled");
    }

    @Test
    void disablingWithThePasswordWorksWithoutTheApp() throws Exception {
        Tenant tenant = signup();
        Enabled enabled = enable(tenant);

        ok(disable(enabled.accessToken(), "{\"password\":\"" + PASSWORD + "\"}"), 204);

        assertThat(lastEventType(tenant)).isEqualTo("TwoFactorDisabledEvent");
    }

    @Test
    void thereIsNothingToConfirmWithoutAnEnrollment() throws Exception {
        Tenant tenant = signup();
        String access = token(session(tenant), "accessToken");

        assertProblem(confirm(access, "123456"), 409, "two-factor-not-pending");
        assertProblem(send("POST", CONFIRM, access, "{}"), 400, "validation-failed", "code");
    }

    @Test
    void aSuperadminCanUseASecondFactorWithoutAnyTenantEvent() throws Exception {
        String login = "{\"email\":\"root@platform.test\",\"password\":\"Sup3r-secret-pass\"}";
        String access = token(ok(send("POST", LOGIN, null, login), 200), "accessToken");
        long events = eventCount();
        String secret = ok(send("POST", ENROLL, access, null), 200).get("secret").asText();
        ok(confirm(access, code(secret)), 200);
        try {
            assertThat(ok(send("POST", LOGIN, null, login), 200).get("mfaRequired").asBoolean()).isTrue();
            clock.advance(Duration.ofSeconds(30));
            String withCode = login.replace("}", ",\"code\":\"" + code(secret) + "\"}");
            assertThat(tokens.verify(token(ok(send("POST", LOGIN, null, withCode), 200), "accessToken")).user()
                    .isSuperadmin()).isTrue();
        } finally {
            ok(disable(access, "{\"password\":\"Sup3r-secret-pass\"}"), 204);
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void onlyAPersonWithTheirOwnTokenMayManageTheirSecondFactor() throws Exception {
        Tenant tenant = signup();
        String userId = session(tenant).get("userId").asText();
        String impersonation = tokens.issue(new AuthenticatedUser(userId, tenant.id(), Role.OWNER, "root"));

        assertProblem(send("POST", ENROLL, null, null), 401, "unauthenticated");
        assertProblem(send("POST", ENROLL, impersonation, null), 403, "forbidden");
        assertProblem(confirm(impersonation, "123456"), 403, "forbidden");
        assertProblem(disable(impersonation, "{\"password\":\"" + PASSWORD + "\"}"), 403, "forbidden");
        assertProblem(send("POST", ENROLL, tokens.issue(new AuthenticatedUser("ghost", tenant.id(), Role.OWNER,
                null)), null), 401, "unauthenticated");
        assertThat(factorOf(tenant)).isNull();
    }

    private record Enabled(String secret, String accessToken, List<String> recoveryCodes) {
    }

    private Enabled enable(Tenant tenant) throws Exception {
        String access = token(session(tenant), "accessToken");
        String secret = ok(send("POST", ENROLL, access, null), 200).get("secret").asText();
        JsonNode confirmed = ok(confirm(access, code(secret)), 200);
        List<String> codes = new ArrayList<>();
        confirmed.get("recoveryCodes").forEach(node -> codes.add(node.asText()));
        return new Enabled(secret, token(confirmed, "accessToken"), codes);
    }

    private HttpResponse<String> confirm(String access, String code) throws Exception {
        return send("POST", CONFIRM, access, "{\"code\":\"" + code + "\"}");
    }

    private HttpResponse<String> disable(String access, String body) throws Exception {
        return send("POST", DISABLE, access, body);
    }

    private Document factorOf(Tenant tenant) throws Exception {
        String userId = tokens.verify(tenant.ownerToken()).user().userId();
        return mongo.getDatabase("tenancy_command").getCollection("second_factors")
                .find(new Document("_id", userId)).first();
    }

    private String lastEventType(Tenant tenant) {
        List<String> types = eventTypes(tenant.id());
        String last = types.get(types.size() - 1);
        return last.substring(last.lastIndexOf('.') + 1);
    }
}
