package dev.tenancy.command.identity;

import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.command.tenant.SlugRegistry;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.PublicEndpoint;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    private final CredentialStore credentials;
    private final SlugRegistry slugs;
    private final Passwords passwords;
    private final AccessTokens tokens;

    public AuthController(CredentialStore credentials, SlugRegistry slugs, Passwords passwords, AccessTokens tokens) {
        this.credentials = credentials;
        this.slugs = slugs;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @PublicEndpoint
    @PostMapping("/login")
    @Operation(summary = "Sign in", description = "Tenant users name their tenant by slug; superadmins omit it. "
            + "A wrong email, password or tenant all answer the same 401 invalid-credentials.")
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

    private Optional<String> scope(String tenantSlug) {
        if (tenantSlug == null || tenantSlug.isBlank()) {
            return Optional.of(CredentialStore.PLATFORM_SCOPE);
        }
        return slugs.tenantOf(tenantSlug.trim().toLowerCase(java.util.Locale.ROOT)).map(TenantId::value);
    }

    private static ApiProblem invalidCredentials() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Sign-in failed",
                "The email, password or tenant is not right.");
    }
}
