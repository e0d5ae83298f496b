package dev.tenancy.command.identity;

import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.TokenVersions;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Sessions: an access token plus a refresh token of a family that one sign-in starts. Exchanging a refresh token
 * uses it up and answers the family's next one (rotation); a used token presented again means it was copied, so the
 * whole family ends. A refresh also fails once the user's credential is gone, their tenant is deleted, or their token
 * version moved on (password change, sign-out everywhere, removal), and the family ends with it.
 */
@Component
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final TokenVersions versions;
    private final CredentialStore credentials;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final Duration refreshTtl;

    public Sessions(AccessTokens accessTokens, RefreshTokens refreshTokens, TokenVersions versions,
                    CredentialStore credentials, TenantDirectory tenants, Clock clock,
                    @Value("${tenancy.jwt.refresh-token-ttl:30d}") Duration refreshTtl) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.versions = versions;
        this.credentials = credentials;
        this.tenants = tenants;
        this.clock = clock;
        this.refreshTtl = refreshTtl;
    }

    /** Starts a new session (a new refresh family) for a person who just proved who they are. */
    public LoginResponse open(Credential credential, boolean secondFactor) {
        return issue(credential, UUID.randomUUID().toString(), secondFactor);
    }

    public LoginResponse refresh(String presented) {
        RefreshToken token = refreshTokens.find(presented).orElseThrow(() -> invalid("it is not known"));
        if (!clock.instant().isBefore(token.expiresAt())) {
            throw invalid("it has expired");
        }
        if (token.isUsed() || !refreshTokens.use(token)) {
            refreshTokens.revokeFamily(token.familyId());
            log.warn("Refresh token of user {} was presented again after rotation; session family {} revoked",
                    token.userId(), token.familyId());
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "refresh-token-reused", "Refresh token reused",
                    "This refresh token was already used, so it may have been copied; its session has ended. "
                            + "Sign in again.");
        }
        Credential credential = credentials.findById(token.userId())
                .filter(found -> found.scope().equals(token.scope())).orElse(null);
        String ended = credential == null ? "its user no longer exists"
                : tenantDeleted(token.scope()) ? "its tenant was deleted"
                : token.version() != versions.current(token.userId()) ? "its sessions were ended" : null;
        if (ended != null) {
            refreshTokens.revokeFamily(token.familyId());
            throw invalid(ended);
        }
        return issue(credential, token.familyId(), token.secondFactor());
    }

    /**
     * Ends the session of {@code presented} (any token of its family, used or not), and with {@code everywhere}
     * every session and access token of its user. {@code bearer}, the caller's access token, stops working too when
     * it belongs to the same user.
     */
    public void logout(String presented, boolean everywhere, String bearer) {
        RefreshToken token = refreshTokens.find(presented).orElseThrow(() -> invalid("it is not known"));
        refreshTokens.revokeFamily(token.familyId());
        if (everywhere) {
            endAll(token.userId());
        } else if (bearer != null) {
            AccessTokens.Verification verification = accessTokens.verify(bearer);
            if (verification.isValid() && verification.user().userId().equals(token.userId())) {
                accessTokens.revoke(bearer);
            }
        }
    }

    /** Every access and refresh token of the user stops working, on every service. */
    public void endAll(String userId) {
        versions.revoke(userId);
        refreshTokens.revokeUser(userId);
    }

    public long refreshTtlSeconds() {
        return refreshTtl.toSeconds();
    }

    private boolean tenantDeleted(String scope) {
        return !CredentialStore.PLATFORM_SCOPE.equals(scope)
                && tenants.findById(scope).map(tenant -> tenant.status() == TenantStatus.DELETED).orElse(true);
    }

    private LoginResponse issue(Credential credential, String familyId, boolean secondFactor) {
        String tenantId = CredentialStore.PLATFORM_SCOPE.equals(credential.scope()) ? null : credential.scope();
        AuthenticatedUser user = new AuthenticatedUser(credential.userId(), tenantId, credential.role(), null)
                .withSecondFactor(secondFactor);
        String refresh = refreshTokens.issue(credential.userId(), credential.scope(), familyId, secondFactor,
                versions.current(credential.userId()), clock.instant().plus(refreshTtl));
        return new LoginResponse(accessTokens.issue(user), "Bearer", accessTokens.ttlSeconds(), refresh,
                refreshTtl.toSeconds(), credential.userId(), tenantId, credential.role(), false);
    }

    private static ApiProblem invalid(String why) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token",
                "The refresh token cannot be used: " + why + ". Sign in again.");
    }
}
