package dev.tenancy.command.identity;

import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import dev.tenancy.platform.console.ConsoleSession;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.IpAllowListInterceptor;
import dev.tenancy.platform.security.PublicEndpoint;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.Optional;

/**
 * Signing in, renewing and ending sessions. Refresh and logout authenticate by the refresh token in the body, so they
 * are public: an expired access token must not stop anyone from signing out.
 */
@RestController
@RequestMapping("/api/v1/auth")
@AllowedWhenSuspended
public class AuthController {

    private final CredentialStore credentials;
    private final TenantDirectory tenants;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final SecondFactors secondFactors;
    private final Sessions sessions;
    private final AccessTokens accessTokens;

    public AuthController(CredentialStore credentials, TenantDirectory tenants, Passwords passwords,
                          LoginThrottle throttle, SecondFactors secondFactors, Sessions sessions,
                          AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
        this.credentials = credentials;
        this.tenants = tenants;
        this.passwords = passwords;
        this.throttle = throttle;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
    }

    @PublicEndpoint
    @PostMapping("/login")
    @Operation(summary = "Sign in", description = "Tenant users name their tenant by slug; superadmins omit it. "
            + "A wrong email, password or tenant all answer the same 401 invalid-credentials; a deleted tenant "
            + "answers 404 tenant-not-found. Users of a suspended tenant can still sign in (to see why). With a "
            + "second factor on and no code: 200 {\"mfaRequired\": true} and no tokens; a wrong code is 401 "
            + "invalid-mfa-code. Repeated failures for one account answer 429 too-many-attempts with Retry-After.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(
            oneOf = {LoginResponse.class, MfaChallenge.class})))
    public ResponseEntity<Object> login(@RequestBody LoginRequest request, HttpServletRequest http,
                                        HttpServletResponse response) {
        new FieldErrors().require("email", request.email()).require("password", request.password())
                .maxLength("email", request.email(), 254).maxLength("tenant", request.tenant(), 100).throwIfAny();
        String scope = scope(request.tenant());
        LoginAttempt attempt = throttle.begin(scope, request.email());
        Optional<Credential> found = credentials.find(scope, request.email());
        if (found.isEmpty()) {
            passwords.spendDecoyCheck(request.password());
            throw IdentityProblems.invalidCredentials();
        }
        Credential credential = found.get();
        if (!passwords.matches(request.password(), credential.passwordHash())) {
            throw IdentityProblems.invalidCredentials();
        }
        boolean secondFactor = secondFactors.state(credential.userId()) == SecondFactors.State.ENABLED;
        if (secondFactor && (request.code() == null || request.code().isBlank())) {
            throttle.giveBack(attempt);
            return ResponseEntity.ok(new MfaChallenge(true));
        }
        if (secondFactor && !secondFactors.accept(credential, request.code())) {
            throw IdentityProblems.invalidMfaCode();
        }
        throttle.succeeded(attempt);
        return ResponseEntity.ok(console(http, response, sessions.open(credential, secondFactor)));
    }

    @PublicEndpoint
    @PostMapping("/refresh")
    @Operation(summary = "Renew the access token", description = "Exchanges the refresh token for a new access "
            + "token and a new refresh token; the old one is used up. Presenting a used one again answers 401 "
            + "refresh-token-reused and ends its session; an unknown, expired or revoked one (user removed, tenant "
            + "deleted, password changed, signed out) answers 401 invalid-refresh-token. The web console sends no "
            + "body: its refresh token is in its session cookie.")
    public LoginResponse refresh(@RequestBody(required = false) RefreshRequest request, HttpServletRequest http,
                                 HttpServletResponse response) {
        String presented = presentedRefreshToken(request == null ? null : request.refreshToken(), http);
        new FieldErrors().require("refreshToken", presented).throwIfAny();
        return console(http, response, sessions.refresh(presented));
    }

    @PublicEndpoint
    @PostMapping("/logout")
    @Operation(summary = "Sign out", description = "Ends the refresh token's session, and the access token sent "
            + "along if it is the same user's. With \"everywhere\": true, every session and access token of the "
            + "user ends at once on every service. 401 invalid-refresh-token for an unknown refresh token.")
    public ResponseEntity<Void> logout(@RequestBody(required = false) LogoutRequest request,
                                       @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                       String authorization, HttpServletRequest http, HttpServletResponse response) {
        String presented = presentedRefreshToken(request == null ? null : request.refreshToken(), http);
        new FieldErrors().require("refreshToken", presented).throwIfAny();
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (bearer == null && ConsoleSession.fromConsole(http)) {
            bearer = ConsoleSession.cookie(http, ConsoleSession.ACCESS_COOKIE).orElse(null);
        }
        try {
            sessions.logout(presented, request != null && Boolean.TRUE.equals(request.everywhere()), bearer);
        } finally {
            if (ConsoleSession.fromConsole(http)) {
                ConsoleCookies.clear(http, response);
            }
        }
        return ResponseEntity.noContent().build();
    }

    @PublicEndpoint
    @PostMapping("/impersonation/exit")
    @Operation(summary = "Stop acting as a tenant (web console)", description = "Ends the console's impersonation "
            + "session (its token stops working at once) and restores the superadmin's own session from the cookies "
            + "it was kept in. Needs the console's X-Requested-With header (403 otherwise). 204; 409 "
            + "no-impersonation when the console is not impersonating.")
    public ResponseEntity<Void> exitImpersonation(HttpServletRequest http, HttpServletResponse response) {
        if (!ConsoleSession.fromConsole(http)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "This route serves the web console: send " + ConsoleSession.HEADER + ": "
                            + ConsoleSession.HEADER_VALUE + ".");
        }
        Optional<String> token = ConsoleSession.cookie(http, ConsoleSession.ACCESS_COOKIE);
        Optional<AuthenticatedUser> acting = token.map(accessTokens::verify).filter(AccessTokens.Verification::isValid)
                .map(AccessTokens.Verification::user).filter(user -> user.actingSuperadmin() != null);
        if (acting.isEmpty() && ConsoleSession.cookie(http, ConsoleSession.ADMIN_ACCESS_COOKIE).isEmpty()
                && ConsoleSession.cookie(http, ConsoleSession.ADMIN_REFRESH_COOKIE).isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "no-impersonation", "Not impersonating",
                    "This console session is not acting as a tenant.");
        }
        acting.ifPresent(user -> accessTokens.revoke(token.get()));
        ConsoleCookies.restoreAdmin(http, response, accessTokens.ttlSeconds());
        return ResponseEntity.noContent().build();
    }

    /** The body's refresh token; the console's cookie only when its own scripts ask (never on a cross-site post). */
    private static String presentedRefreshToken(String inBody, HttpServletRequest http) {
        if (inBody != null && !inBody.isBlank()) {
            return inBody;
        }
        return ConsoleSession.fromConsole(http)
                ? ConsoleSession.cookie(http, ConsoleSession.REFRESH_COOKIE).orElse(null) : null;
    }

    /** The session as the caller keeps it: the console's in its HttpOnly cookies, any other client's in the body. */
    static LoginResponse console(HttpServletRequest http, HttpServletResponse response, LoginResponse session) {
        return ConsoleSession.fromConsole(http) ? ConsoleCookies.open(http, response, session) : session;
    }

    /**
     * The credential scope the login names. A slug that never existed is counted and answered exactly like a wrong
     * password (its own scope, which holds no credentials); a deleted tenant says so.
     */
    private String scope(String tenantSlug) {
        if (tenantSlug == null || tenantSlug.isBlank()) {
            return CredentialStore.PLATFORM_SCOPE;
        }
        String slug = tenantSlug.trim().toLowerCase(Locale.ROOT);
        Optional<TenantRef> tenant = tenants.findBySlug(slug);
        if (tenant.isPresent() && tenant.get().status() == TenantStatus.DELETED) {
            throw ApiProblem.notFound("tenant-not-found", "Tenant '" + slug + "' has been deleted.");
        }
        tenant.ifPresent(AuthController::checkAddress);
        return tenant.map(TenantRef::id).orElse("unknown-tenant:" + slug);
    }

    /**
     * A tenant's allow-list binds every one of its people, so signing in from elsewhere is refused before any
     * password is looked at: no guessing from outside, and the answer says nothing about the email.
     */
    private static void checkAddress(TenantRef tenant) {
        String address = CallContextHolder.current().map(CallContext::clientIp).orElse(null);
        IpAllowListInterceptor.check(tenant, new AuthenticatedUser("sign-in", tenant.id(), Role.MEMBER, null),
                address);
    }
}
