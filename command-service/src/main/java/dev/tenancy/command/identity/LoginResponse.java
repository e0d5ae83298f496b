package dev.tenancy.command.identity;

import dev.tenancy.api.user.Role;

/**
 * A signed-in session: a short-lived access token and the refresh token that renews it. {@code mfaRequired} is
 * always false here; a sign-in that still needs its second factor answers {@link MfaChallenge} instead.
 */
public record LoginResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                            long refreshExpiresIn, String userId, String tenantId, Role role, boolean mfaRequired) {
}
