package dev.tenancy.command.identity;

/** Proof for switching the second factor off: an authenticator or recovery {@code code}, or the {@code password}. */
public record TwoFactorDisableRequest(String code, String password) {
}
