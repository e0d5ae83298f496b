package dev.tenancy.command.identity;

/** {@code everywhere}: end every session of the user on every device, not only this one. */
public record LogoutRequest(String refreshToken, Boolean everywhere) {
}
