package dev.tenancy.command.identity;

import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.PublicEndpoint;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.Optional;

@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    private final CredentialStore credentials;
    private final TenantDirectory tenants;
    private final Passwords passwords;
    private final AccessTokens tokens;

    public AuthController(CredentialStore credentials, TenantDirectory tenants, Passwords passwords,
                          AccessTokens tokens) {
        this.credentials = credentials;
        this.tenants = tenants;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @PublicEndpoint
    @AllowedWhenSuspended
    @PostMapping("/login")
    @Operation(summary = "Sign in", description = "Tenant users name their tenant by slug; superadmins omit it. "
            + "A wrong email, password or tenant all answer the same 401 invalid-credentials; a deleted tenant "
            + "answers 404 tenant-not-found. Users of a suspended tenant can still sign in (to see why).")
    public LoginResponse login(@RequestBody LoginRequest request) {
        new FieldErrors().require("email", request.email()).require("password", request.password()).throwIfAny();
        Optional<Credential> credential = scope(request.tenant())
                .flatMap(scope -> credentials.find(scope, request.email()));
        if (credential.isEmpty()) {
            passwords.spendDecoyCheck(request.password());
            throw invalidCredentials();
        }
        if (!passwords.matches(request.password(), credential.get().passwordHash())) {
            throw invalidCredentials();
        }
        Credential user = credential.get();
        String tenantId = CredentialStore.PLATFORM_SCOPE.equals(user.scope()) ? null : user.scope();
        String token = tokens.issue(new AuthenticatedUser(user.userId(), tenantId, user.role(), null));
        return new LoginResponse(token, "Bearer", tokens.ttlSeconds(), user.userId(), tenantId, user.role());
    }

    /** A slug that never existed stays indistinguishable from a wrong password; a deleted tenant says so. */
    private Optional<String> scope(String tenantSlug) {
        if (tenantSlug == null || tenantSlug.isBlank()) {
            return Optional.of(CredentialStore.PLATFORM_SCOPE);
        }
        String slug = tenantSlug.trim().toLowerCase(Locale.ROOT);
        Optional<TenantRef> tenant = tenants.findBySlug(slug);
        if (tenant.isPresent() && tenant.get().status() == TenantStatus.DELETED) {
            throw ApiProblem.notFound("tenant-not-found", "Tenant '" + slug + "' has been deleted.");
        }
        return tenant.map(TenantRef::id);
    }

    private static ApiProblem invalidCredentials() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Sign-in failed",
                "The email, password or tenant is not right.");
    }
}
