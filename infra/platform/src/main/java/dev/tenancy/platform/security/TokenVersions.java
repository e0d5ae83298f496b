package dev.tenancy.platform.security;

import java.time.Instant;

/**
 * Each user's token version, shared by every service. Access and refresh tokens carry the version they were issued
 * under; {@link #revoke} moves it on, so every token issued before stops working at once on every service (a removed
 * user, a password change, a sign-out everywhere). Single access tokens can be revoked too (a sign-out on one
 * device); they are remembered only until they would have expired anyway.
 */
public interface TokenVersions {

    /** The version tokens issued now carry; 0 for a user never revoked. */
    long current(String userId);

    /** Invalidates every token issued so far for this user; returns the new version. */
    long revoke(String userId);

    /** Whether a token of this user issued under {@code version} with id {@code tokenId} is still good. */
    default boolean accepts(String userId, long version, String tokenId) {
        return version >= current(userId);
    }

    /** Invalidates one access token until {@code expiresAt}, when it would stop working by itself. */
    default void revokeToken(String userId, String tokenId, Instant expiresAt) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot revoke single tokens");
    }
}
