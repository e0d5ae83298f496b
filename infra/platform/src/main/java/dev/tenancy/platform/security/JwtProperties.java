package dev.tenancy.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Bound from {@code tenancy.jwt.*}; the secret comes from the {@code JWT_SECRET} environment variable. */
@ConfigurationProperties("tenancy.jwt")
public record JwtProperties(String secret, String issuer, Duration accessTokenTtl, Duration clockSkew) {

    public JwtProperties {
        issuer = issuer == null ? "tenancy-platform" : issuer;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
    }
}
