package dev.tenancy.command.identity;

/** The password was right and the account has a second factor: sign in again with {@code code}. No tokens. */
public record MfaChallenge(boolean mfaRequired) {
}
