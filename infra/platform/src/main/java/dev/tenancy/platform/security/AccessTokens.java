package dev.tenancy.platform.security;

import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.user.Role;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and verifies the short-lived HS256 access tokens. The parser only accepts tokens signed with our key by our
 * issuer: unsigned ({@code alg: none}) tokens, other keys, expired or not-yet-valid tokens are all rejected. A token
 * also carries its user's {@link TokenVersions token version}: once that moves on, the token is revoked; a single
 * token can be revoked by its id ({@code jti}). {@code amr} (RFC 8176) says how the sign-in behind it was made:
 * {@code ["pwd"]}, or {@code ["pwd", "otp"]} when a second factor was passed.
 */
public class AccessTokens {

    static final String TENANT_CLAIM = "tid";
    static final String ROLE_CLAIM = "role";
    static final String ACTOR_CLAIM = "act";
    static final String VERSION_CLAIM = "ver";
    static final String METHODS_CLAIM = "amr";
    static final String PASSWORD_METHOD = "pwd";
    static final String ONE_TIME_CODE_METHOD = "otp";
    static final int MIN_SECRET_BYTES = 32;

    private final SecretKey key;
    private final JwtProperties properties;
    private final Clock clock;
    private final TokenVersions versions;

    public AccessTokens(JwtProperties properties, Clock clock, TokenVersions versions) {
        if (properties.secret() == null || properties.secret().isBlank()) {
            throw new IllegalStateException("JWT_SECRET is not set: give every service the same secret of at least "
                    + MIN_SECRET_BYTES + " bytes (the embedded stack generates one in its data dir)");
        }
        byte[] secret = properties.secret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("JWT_SECRET is too short: HS256 needs at least " + MIN_SECRET_BYTES
                    + " bytes");
        }
        this.key = Keys.hmacShaKeyFor(secret);
        this.properties = properties;
        this.clock = clock;
        this.versions = versions;
    }

    public String issue(AuthenticatedUser user) {
        return issue(user, properties.accessTokenTtl());
    }

    /** A token that lives {@code ttl} instead of the configured access token lifetime (impersonation: shorter). */
    public String issue(AuthenticatedUser user, Duration ttl) {
        Instant now = clock.instant();
        var builder = Jwts.builder()
                .id(UUID.randomUUID().toString())
                .issuer(properties.issuer())
                .subject(user.userId())
                .claim(ROLE_CLAIM, user.role().name())
                .claim(VERSION_CLAIM, versions.current(user.userId()))
                .claim(METHODS_CLAIM, user.secondFactor() ? List.of(PASSWORD_METHOD, ONE_TIME_CODE_METHOD)
                        : List.of(PASSWORD_METHOD))
                .issuedAt(Date.from(now))
                .notBefore(Date.from(now))
                .expiration(Date.from(now.plus(ttl)));
        if (user.tenantId() != null) {
            builder.claim(TENANT_CLAIM, user.tenantId());
        }
        if (user.actingSuperadmin() != null) {
            builder.claim(ACTOR_CLAIM, Map.of("sub", user.actingSuperadmin()));
        }
        return builder.signWith(key, Jwts.SIG.HS256).compact();
    }

    public long ttlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }

    /** The token's bearer, or a reason why the token is not accepted. */
    public Verification verify(String token) {
        try {
            Claims claims = parse(token);
            Optional<AuthenticatedUser> user = toUser(claims);
            if (user.isEmpty()) {
                return Verification.invalid("token claims are incomplete");
            }
            Number version = claims.get(VERSION_CLAIM, Number.class);
            if (version == null || !versions.accepts(user.get().userId(), version.longValue(), claims.getId())) {
                return Verification.invalid("token revoked");
            }
            return Verification.valid(user.get());
        } catch (JwtException | IllegalArgumentException e) {
            return Verification.invalid(e.getClass().getSimpleName());
        }
    }

    /**
     * Revokes this one token (a sign-out on one device) if it is ours and still valid; false otherwise. Other tokens
     * of the same user keep working.
     */
    public boolean revoke(String token) {
        try {
            Claims claims = parse(token);
            if (claims.getId() == null || claims.getSubject() == null || claims.getExpiration() == null) {
                return false;
            }
            versions.revokeToken(claims.getSubject(), claims.getId(), claims.getExpiration().toInstant());
            return true;
        } catch (JwtException | IllegalArgumentException e) {
            return false;
        }
    }

    private Claims parse(String token) {
        return Jwts.parser()
                .verifyWith(key)
                .requireIssuer(properties.issuer())
                .clockSkewSeconds(properties.clockSkew().toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build()
                .parseSignedClaims(token)
                .getPayload();
    }

    private static Optional<AuthenticatedUser> toUser(Claims claims) {
        String subject = claims.getSubject();
        Optional<Role> role = Optional.ofNullable(claims.get(ROLE_CLAIM, String.class)).flatMap(AccessTokens::role);
        String tenantId = claims.get(TENANT_CLAIM, String.class);
        if (subject == null || role.isEmpty()) {
            return Optional.empty();
        }
        boolean superadmin = role.get() == Role.SUPERADMIN;
        if (superadmin == (tenantId != null)) {
            return Optional.empty();
        }
        Object actor = claims.get(ACTOR_CLAIM);
        String acting = actor instanceof Map<?, ?> act && act.get("sub") instanceof String sub ? sub : null;
        boolean secondFactor = claims.get(METHODS_CLAIM) instanceof List<?> methods
                && methods.contains(ONE_TIME_CODE_METHOD);
        return Optional.of(new AuthenticatedUser(subject, tenantId, role.get(), acting, ActorKind.USER, Set.of(),
                secondFactor));
    }

    private static Optional<Role> role(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public record Verification(AuthenticatedUser user, String failure) {
        static Verification valid(AuthenticatedUser user) {
            return new Verification(user, null);
        }

        static Verification invalid(String failure) {
            return new Verification(null, failure);
        }

        public boolean isValid() {
            return user != null;
        }
    }
}
