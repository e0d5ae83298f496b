package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.command.identity.Totp;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.JwtProperties;
import dev.tenancy.platform.security.MongoTokenVersions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command service with a clock the tests move (lockout waits, token and code expiry), and a second verifier
 * standing in for the query service: same secret, same shared token versions, its own instance.
 */
abstract class SessionApiTestSupport extends CommandApiTestSupport {

    static final String LOGIN = "/api/v1/auth/login";
    static final String REFRESH = "/api/v1/auth/refresh";
    static final String LOGOUT = "/api/v1/auth/logout";
    static final String SETTINGS = "/api/v1/tenants/current/settings";

    /** Exact waits and code steps need time to stand still; the other tests of the context need it to run. */
    @BeforeEach
    void stopTheClock() {
        clock.stopAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void restartTheClock() {
        clock.reset();
    }

    /** The query service's verifier: it shares nothing with the command service but the secret and MongoDB. */
    AccessTokens otherService() {
        return new AccessTokens(new JwtProperties("test-secret-test-secret-test-secret-0123456789", null, null, null),
                clock, new MongoTokenVersions(mongo, "tenancy_shared"));
    }

    static String ownerEmail(Tenant tenant) {
        return "owner@" + tenant.slug() + ".test";
    }

    HttpResponse<String> login(Tenant tenant, String password) throws Exception {
        return send("POST", LOGIN, null, "{\"email\":\"" + ownerEmail(tenant) + "\",\"password\":\"" + password
                + "\",\"tenant\":\"" + tenant.slug() + "\"}");
    }

    HttpResponse<String> login(Tenant tenant, String password, String code) throws Exception {
        return send("POST", LOGIN, null, "{\"email\":\"" + ownerEmail(tenant) + "\",\"password\":\"" + password
                + "\",\"tenant\":\"" + tenant.slug() + "\",\"code\":\"" + code + "\"}");
    }

    /** A full sign-in of the tenant's owner: access and refresh token. */
    JsonNode session(Tenant tenant) throws Exception {
        return ok(login(tenant, PASSWORD), 200);
    }

    HttpResponse<String> refresh(String refreshToken) throws Exception {
        return send("POST", REFRESH, null, "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    /** A protected call that changes nothing (an empty settings change): whether the access token is accepted. */
    int accepted(String accessToken) throws Exception {
        return send("PATCH", SETTINGS, accessToken, "{}").statusCode();
    }

    String code(String secret) {
        return Totp.code(secret, clock.instant());
    }

    static String token(JsonNode session, String field) {
        assertThat(session.hasNonNull(field)).as(session.toString()).isTrue();
        return session.get(field).asText();
    }
}
