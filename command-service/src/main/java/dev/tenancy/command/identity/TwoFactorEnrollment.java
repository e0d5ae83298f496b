package dev.tenancy.command.identity;

/** The new secret, shown once: type it into an authenticator app or scan {@code otpauthUri} as a QR code. */
public record TwoFactorEnrollment(String secret, String otpauthUri) {
}
