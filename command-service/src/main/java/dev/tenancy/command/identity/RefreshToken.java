package dev.tenancy.command.identity;

import java.time.Instant;

/**
 * A stored refresh token: only its SHA-256 {@code hash} is kept. Tokens rotated from one sign-in share a
 * {@code familyId}; {@code version} is the user's token version when it was issued, {@code secondFactor} whether
 * that sign-in passed one, {@code usedAt} when it was exchanged (null while it is the family's current token).
 */
public record RefreshToken(String hash, String userId, String scope, String familyId, boolean secondFactor,
                           long version, Instant expiresAt, Instant usedAt) {

    public boolean isUsed() {
        return usedAt != null;
    }
}
