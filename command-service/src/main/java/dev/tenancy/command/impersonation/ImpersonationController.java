package dev.tenancy.command.impersonation;

import dev.tenancy.api.impersonation.StartImpersonationCommand;
import dev.tenancy.api.user.Role;
import dev.tenancy.command.tenant.ImpersonationGrant;
import dev.tenancy.command.web.TenantCommands;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.Authentication;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import dev.tenancy.command.identity.ConsoleCookies;
import dev.tenancy.platform.console.ConsoleSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;

/**
 * A superadmin acts as a tenant's owner for support. The tenant aggregate decides and records it; the token is
 * issued here, only for what was recorded, and lives no longer than the recorded expiry. Every command sent with it
 * names the owner as actor and the superadmin as {@code actingSuperadmin}.
 */
@RestController
@RequestMapping("/api/v1/tenants")
@RequiresRole(Role.SUPERADMIN)
public class ImpersonationController {

    private static final Logger log = LoggerFactory.getLogger(ImpersonationController.class);
    private final TenantCommands commands;
    private final AccessTokens tokens;
    private final Clock clock;
    private final Duration ttl;

    public ImpersonationController(TenantCommands commands, AccessTokens tokens, Clock clock,
                                   @Value("${tenancy.impersonation.ttl:10m}") Duration ttl) {
        this.commands = commands;
        this.tokens = tokens;
        this.clock = clock;
        this.ttl = ttl;
    }

    @PostMapping("/{id}/impersonate")
    @Operation(summary = "Act as the tenant's owner (superadmin)", description = "Body {reason} (3 to 500 "
            + "characters, shown to the tenant). Answers an access token acting as the tenant's owner, valid for "
            + "tenancy.impersonation.ttl (10 minutes by default); its commands record the owner as actor and the "
            + "superadmin as actingSuperadmin. Works for suspended tenants. 403 impersonation-not-allowed when the "
            + "tenant's compliance.allowImpersonation is false; 404 tenant-not-found; 409 no-owner. From the web "
            + "console the token goes into its session cookie instead of the body, the superadmin's own session is "
            + "kept aside until POST /api/v1/auth/impersonation/exit.")
    public ResponseEntity<ImpersonationResponse> impersonate(@PathVariable("id") String id,
                                                             @RequestBody(required = false)
                                                             ImpersonationRequest request,
                                                             HttpServletRequest http, HttpServletResponse response) {
        AuthenticatedUser superadmin = Authentication.currentUser();
        if (superadmin.isApiKey()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Only a person can impersonate, never an API key.");
        }
        String reason = request == null || request.reason() == null ? null : request.reason().trim();
        FieldErrors errors = new FieldErrors().require("reason", reason);
        if (reason != null && !reason.isBlank() && reason.length() < StartImpersonationCommand.MIN_REASON) {
            errors.add("reason", "reason must be at least " + StartImpersonationCommand.MIN_REASON + " characters");
        }
        errors.maxLength("reason", reason, StartImpersonationCommand.MAX_REASON).throwIfAny();
        ImpersonationGrant grant = commands.send(new StartImpersonationCommand(id, superadmin.userId(), reason, ttl),
                ImpersonationGrant.class);
        Duration remaining = Duration.between(clock.instant(), grant.expiresAt());
        String token = tokens.issue(new AuthenticatedUser(grant.ownerUserId(), grant.tenantId(), Role.OWNER,
                superadmin.userId()), remaining);
        log.info("Superadmin {} impersonates owner {} of tenant {} until {}", superadmin.userId(),
                grant.ownerUserId(), grant.tenantId(), grant.expiresAt());
        boolean console = ConsoleSession.fromConsole(http);
        if (console) {
            ConsoleCookies.impersonate(http, response, token, remaining.toSeconds());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(TenantCommands.VERSION_HEADER, Long.toString(grant.version()))
                .body(new ImpersonationResponse(console ? null : token, "Bearer", remaining.toSeconds(), grant.tenantId(),
                        grant.ownerUserId(), superadmin.userId()));
    }
}
