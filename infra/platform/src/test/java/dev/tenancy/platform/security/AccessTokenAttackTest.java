package dev.tenancy.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.user.Role;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, stale and revoked access tokens: each is rejected. Every forgery starts from what a valid token looks like,
 * and the valid counterpart is checked to pass, so a rejection is never an accident of a broken fixture.
 */
class AccessTokenAttackTest {

    private static final String SECRET = "test-secret-test-secret-test-secret-0123456789";
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://localhost:" + MONGO.bind().getPort());
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final JwtProperties PROPERTIES = new JwtProperties(SECRET, null, null, null);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MongoTokenVersions versions = new MongoTokenVersions(CLIENT, "shared",
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final AccessTokens tokens = new AccessTokens(PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC), versions);
    private final AuthenticatedUser member = new AuthenticatedUser("user-" + UUID.randomUUID(), "tenant-a",
            Role.MEMBER, null);

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.shutdownNow();
    }

    @Test
    void anUnsignedTokenIsRejected() {
        String unsigned = Jwts.builder().issuer("tenancy-platform").subject(member.userId()).claim("tid", "tenant-a")
                .claim("role", "OWNER").claim("ver", 0).issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plusSeconds(600))).compact();

        assertThat(header(unsigned)).contains("\"alg\":\"none\"");
        assertThat(tokens.verify(unsigned).isValid()).isFalse();
        assertThat(tokens.verify(withHeader(tokens.issue(member), "{\"alg\":\"none\"}")).isValid()).isFalse();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        var other = Keys.hmacShaKeyFor("another-secret-another-secret-0123456789".getBytes(StandardCharsets.UTF_8));
        String forged = signed(builder(), other);

        assertThat(tokens.verify(forged).isValid()).isFalse();
        assertThat(tokens.verify(signed(builder(), ourKey())).isValid()).isTrue();
    }

    @Test
    void anExpiredTokenIsRejected() {
        var earlier = new AccessTokens(PROPERTIES, Clock.fixed(NOW.minus(Duration.ofMinutes(16)), ZoneOffset.UTC),
                versions);
        var justInTime = new AccessTokens(PROPERTIES, Clock.fixed(NOW.minus(Duration.ofMinutes(14)), ZoneOffset.UTC),
                versions);

        assertThat(tokens.verify(earlier.issue(member)).failure()).isEqualTo("ExpiredJwtException");
        assertThat(tokens.verify(justInTime.issue(member)).isValid()).isTrue();
    }

    @Test
    void aTokenNotYetValidBeyondTheClockSkewIsRejected() {
        String future = signed(builder().notBefore(Date.from(NOW.plusSeconds(120))), ourKey());
        String withinSkew = signed(builder().notBefore(Date.from(NOW.plusSeconds(20))), ourKey());

        assertThat(tokens.verify(future).failure()).isEqualTo("PrematureJwtException");
        assertThat(tokens.verify(withinSkew).isValid()).isTrue();
    }

    @Test
    void editingTheTenantOrRoleClaimsBreaksTheSignature() {
        String valid = tokens.issue(member);

        assertThat(tokens.verify(valid).isValid()).isTrue();
        assertThat(tokens.verify(withClaim(valid, "tid", "tenant-b")).isValid()).isFalse();
        assertThat(tokens.verify(withClaim(valid, "role", "OWNER")).isValid()).isFalse();
        assertThat(tokens.verify(withClaim(valid, "role", "SUPERADMIN")).isValid()).isFalse();
        assertThat(tokens.verify(withClaim(valid, "amr", List.of("pwd", "otp"))).isValid()).isFalse();
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() {
        String foreign = signed(builder().issuer("someone-else"), ourKey());

        assertThat(tokens.verify(foreign).failure()).isEqualTo("IncorrectClaimException");
    }

    @Test
    void garbageIsRejectedWithoutAnException() {
        for (String garbage : List.of("", "abc", "a.b.c", "Bearer x", tokens.issue(member) + " " + tokens.issue(member),
                tokens.issue(member) + "x")) {
            assertThat(tokens.verify(garbage).isValid()).as(garbage).isFalse();
        }
    }

    @Test
    void aTokenWithoutItsVersionOrOfAnOldVersionIsRevoked() {
        String before = tokens.issue(member);
        String unversioned = signed(Jwts.builder().issuer("tenancy-platform").subject(member.userId())
                .claim("tid", "tenant-a").claim("role", "MEMBER").issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plusSeconds(600))), ourKey());

        versions.revoke(member.userId());

        assertThat(tokens.verify(before).failure()).isEqualTo("token revoked");
        assertThat(tokens.verify(unversioned).failure()).isEqualTo("token revoked");
        assertThat(tokens.verify(tokens.issue(member)).isValid()).isTrue();
    }

    @Test
    void revokingOneTokenLeavesTheUsersOtherTokensWorkingOnEveryService() {
        String signedOut = tokens.issue(member);
        String otherDevice = tokens.issue(member);
        var otherService = new AccessTokens(PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC),
                new MongoTokenVersions(CLIENT, "shared"));

        assertThat(tokens.revoke(signedOut)).isTrue();

        assertThat(otherService.verify(signedOut).failure()).isEqualTo("token revoked");
        assertThat(tokens.verify(signedOut).failure()).isEqualTo("token revoked");
        assertThat(otherService.verify(otherDevice).user()).isEqualTo(member);
        assertThat(tokens.revoke("not-a-token")).isFalse();
        assertThat(versions.current(member.userId())).isZero();
    }

    @Test
    void revokedSingleTokensAreForgottenOnceTheyExpired() {
        String first = tokens.issue(member);
        tokens.revoke(first);
        var later = new MongoTokenVersions(CLIENT, "shared", Clock.fixed(NOW.plus(Duration.ofMinutes(16)),
                ZoneOffset.UTC));

        later.revokeToken(member.userId(), "another-id", NOW.plus(Duration.ofMinutes(31)));

        List<?> remembered = CLIENT.getDatabase("shared").getCollection(MongoTokenVersions.COLLECTION)
                .find(new org.bson.Document("_id", member.userId())).first().getList("revoked", Object.class);
        assertThat(remembered).hasSize(1).first().asString().contains("another-id");
    }

    @Test
    void theSecondFactorOfTheSignInTravelsInTheAmrClaim() {
        String withCode = tokens.issue(member.withSecondFactor(true));
        String passwordOnly = tokens.issue(member);

        assertThat(payload(withCode)).contains("\"amr\":[\"pwd\",\"otp\"]");
        assertThat(payload(passwordOnly)).contains("\"amr\":[\"pwd\"]");
        AuthenticatedUser verified = tokens.verify(withCode).user();
        assertThat(verified.secondFactor()).isTrue();
        assertThat(verified.kind()).isEqualTo(ActorKind.USER);
        assertThat(verified.scopes()).isEqualTo(Set.of());
        assertThat(tokens.verify(passwordOnly).user().secondFactor()).isFalse();
    }

    private io.jsonwebtoken.JwtBuilder builder() {
        return Jwts.builder().id(UUID.randomUUID().toString()).issuer("tenancy-platform").subject(member.userId())
                .claim("tid", "tenant-a").claim("role", "MEMBER").claim("ver", 0).issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plusSeconds(600)));
    }

    private static String signed(io.jsonwebtoken.JwtBuilder builder, javax.crypto.SecretKey key) {
        return builder.signWith(key, Jwts.SIG.HS256).compact();
    }

    private static javax.crypto.SecretKey ourKey() {
        return Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String withHeader(String token, String header) {
        String[] parts = token.split("\\.");
        return encode(header) + "." + parts[1] + "." + parts[2];
    }

    /** The payload edited, the original signature kept. */
    private static String withClaim(String token, String claim, Object value) {
        try {
            String[] parts = token.split("\\.");
            ObjectNode claims = (ObjectNode) JSON.readTree(payload(token));
            claims.set(claim, JSON.valueToTree(value));
            return parts[0] + "." + encode(JSON.writeValueAsString(claims)) + "." + parts[2];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
