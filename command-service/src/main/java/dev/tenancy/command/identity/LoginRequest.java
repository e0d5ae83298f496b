package dev.tenancy.command.identity;

/** {@code tenant} is the tenant's slug; superadmins leave it out. */
public record LoginRequest(String email, String password, String tenant) {
}
