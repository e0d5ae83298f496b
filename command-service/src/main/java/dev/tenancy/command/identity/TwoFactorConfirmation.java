package dev.tenancy.command.identity;

import java.util.List;

/**
 * The second factor is on. {@code recoveryCodes} are shown only here, each good for one sign-in without the app;
 * the tokens are a fresh session that counts as signed in with the second factor.
 */
public record TwoFactorConfirmation(List<String> recoveryCodes, String accessToken, String tokenType, long expiresIn,
                                    String refreshToken, long refreshExpiresIn) {

    static TwoFactorConfirmation of(List<String> recoveryCodes, LoginResponse session) {
        return new TwoFactorConfirmation(List.copyOf(recoveryCodes), session.accessToken(), session.tokenType(),
                session.expiresIn(), session.refreshToken(), session.refreshExpiresIn());
    }
}
