package dev.tenancy.command.identity;

/**
 * {@code tenant} is the tenant's slug; superadmins leave it out. {@code code} is the authenticator's current code or
 * an unused recovery code, for accounts with a second factor.
 */
public record LoginRequest(String email, String password, String tenant, String code) {
}
