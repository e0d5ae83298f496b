package dev.tenancy.platform.security;

/**
 * Each user's token version, shared by every service. Access and refresh tokens carry the version they were issued
 * under; {@link #revoke} moves it on, so every token issued before stops working at once on every service (a removed
 * user, a password change, a sign-out everywhere).
 */
public interface TokenVersions {

    /** The version tokens issued now carry; 0 for a user never revoked. */
    long current(String userId);

    /** Invalidates every token issued so far for this user; returns the new version. */
    long revoke(String userId);
}
