package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.JwtProperties;
import dev.tenancy.platform.security.MongoTokenVersions;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, stale, revoked and malformed credentials against a route that would change the tenant: every one answers
 * 401 unauthenticated and no event is stored. The genuine token is checked last, so the route really would change it.
 */
class TokenAttackApiTest extends SessionApiTestSupport {

    private static final String CHANGE = "{\"timezone\":\"Asia/Tokyo\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noForgedStaleOrRevokedTokenChangesAnything() throws Exception {
        Tenant tenant = signup();
        Tenant victim = signup();
        String genuine = token(session(tenant), "accessToken");
        String userId = tokens.verify(genuine).user().userId();
        String revoked = token(session(tenant), "accessToken");
        ok(send("POST", LOGOUT, revoked, "{\"refreshToken\":\"" + token(session(tenant), "refreshToken")
                + "\",\"everywhere\":false}"), 204);
        String revokedByVersion = tokens.issue(new AuthenticatedUser("versioned-" + UUID.randomUUID(), tenant.id(),
                Role.OWNER, null));
        new MongoTokenVersions(mongo, "tenancy_shared").revoke(tokens.verify(revokedByVersion).user().userId());

        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("alg none", Jwts.builder().issuer("tenancy-platform").subject(userId).claim("tid", tenant.id())
                .claim("role", "OWNER").claim("ver", 0).expiration(Date.from(clock.instant().plusSeconds(600)))
                .compact());
        attacks.put("wrong key", Jwts.builder().issuer("tenancy-platform").subject(userId).claim("tid", tenant.id())
                .claim("role", "OWNER").claim("ver", 0).expiration(Date.from(clock.instant().plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor("some-other-secret-some-other-secret-0123".getBytes(
                        StandardCharsets.UTF_8)), Jwts.SIG.HS256).compact());
        attacks.put("expired", issuedAt(Duration.ofMinutes(-16)).issue(owner(tenant, userId)));
        attacks.put("not yet valid", issuedAt(Duration.ofMinutes(5)).issue(owner(tenant, userId)));
        attacks.put("tid edited", edited(genuine, "tid", victim.id()));
        attacks.put("role edited", edited(genuine, "role", "SUPERADMIN"));
        attacks.put("other issuer", new AccessTokens(new JwtProperties("test-secret-test-secret-test-secret-0123456789",
                "someone-else", null, null), clock, new MongoTokenVersions(mongo, "tenancy_shared"))
                .issue(owner(tenant, userId)));
        attacks.put("signed out", revoked);
        attacks.put("version revoked", revokedByVersion);
        long events = eventCount();

        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            HttpResponse<String> response = send("PATCH", SETTINGS, attack.getValue(), CHANGE,
                    "X-Tenant-Id", attack.getKey().equals("tid edited") ? victim.id() : tenant.id());
            assertThat(response.statusCode()).as(attack.getKey() + ": " + response.body()).isEqualTo(401);
            assertThat(json.readTree(response.body()).get("code").asText()).isEqualTo("unauthenticated");
        }
        for (String header : new String[]{genuine, "Basic " + genuine, "Bearer", "Bearer   ", "garbage",
                "Bearer not.a.token", "Bearer " + genuine + " " + genuine}) {
            assertProblem(withAuthorization(header), 401, "unauthenticated");
        }
        assertProblem(withAuthorization("Bearer " + genuine, "Bearer " + genuine), 401, "unauthenticated");

        assertThat(eventCount()).isEqualTo(events);
        ok(send("PATCH", SETTINGS, genuine, CHANGE), 200);
        assertThat(eventCount()).isEqualTo(events + 1);
    }

    private AccessTokens issuedAt(Duration offset) {
        return new AccessTokens(new JwtProperties("test-secret-test-secret-test-secret-0123456789", null, null, null),
                java.time.Clock.offset(clock, offset), new MongoTokenVersions(mongo, "tenancy_shared"));
    }

    private static AuthenticatedUser owner(Tenant tenant, String userId) {
        return new AuthenticatedUser(userId, tenant.id(), Role.OWNER, null);
    }

    private HttpResponse<String> withAuthorization(String... values) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + SETTINGS))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(CHANGE)).header("Content-Type",
                        "application/json");
        for (String value : values) {
            request.header("Authorization", value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The payload edited, the signature kept. */
    private static String edited(String token, String claim, String value) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put(claim, value);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                JSON.writeValueAsBytes(claims)) + "." + parts[2];
    }
}
