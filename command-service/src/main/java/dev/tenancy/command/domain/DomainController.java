package dev.tenancy.command.domain;

import dev.tenancy.api.tenant.command.RegisterDomainCommand;
import dev.tenancy.api.tenant.command.RemoveDomainCommand;
import dev.tenancy.api.tenant.command.VerifyDomainCommand;
import dev.tenancy.api.user.Role;
import dev.tenancy.command.tenant.DnsTxtChallenge;
import dev.tenancy.command.tenant.TenantRuleViolation;
import dev.tenancy.command.web.TenantCommands;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.modelling.command.AggregateEntityNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Custom domains: registered as pending with a DNS TXT challenge, verified by the check (or a superadmin's
 * override), removed. Only verified domains resolve to the tenant.
 */
@RestController
@RequestMapping("/api/v1/tenants")
public class DomainController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final TenantCommands commands;
    private final String baseDomain;

    public DomainController(TenantCommands commands, @Value("${tenancy.base-domain:localhost}") String baseDomain) {
        this.commands = commands;
        this.baseDomain = baseDomain;
    }

    @PostMapping("/current/domains")
    @RequiresRole({Role.OWNER, Role.ADMIN, Role.SUPERADMIN})
    @Operation(summary = "Register a custom domain", description = "Answers the TXT record to publish "
            + "(_tenancy-verification.<domain> = tenancy-verification=<token>). 409 domain-taken.")
    public ResponseEntity<DomainRegisteredResponse> register(@RequestBody DomainRequest request) {
        String tenantId = CurrentTenant.get().id();
        String domain = request.domain() == null ? null : DomainPolicy.normalize(request.domain());
        new FieldErrors().check("domain", DomainPolicy.violation(domain, baseDomain)).throwIfAny();
        String token = newToken();
        long version = commands.send(new RegisterDomainCommand(tenantId, domain, token));
        return ResponseEntity.created(URI.create("/api/v1/tenants/current/domains/" + domain))
                .header(TenantCommands.VERSION_HEADER, Long.toString(version))
                .body(new DomainRegisteredResponse(domain, "PENDING", token, DnsTxtChallenge.of(domain, token)));
    }

    @PostMapping("/current/domains/{domain}/verify")
    @RequiresRole({Role.OWNER, Role.ADMIN, Role.SUPERADMIN})
    @Operation(summary = "Verify a custom domain", description = "Looks the TXT record up; 409 "
            + "domain-verification-failed when it is missing or wrong, 404 domain-not-found.")
    public ResponseEntity<DomainStatusResponse> verify(@PathVariable("domain") String domain,
                                                       @RequestBody(required = false) NoBody body) {
        return verify(CurrentTenant.get().id(), DomainPolicy.normalize(domain), false);
    }

    @DeleteMapping("/current/domains/{domain}")
    @RequiresRole({Role.OWNER, Role.ADMIN, Role.SUPERADMIN})
    @Operation(summary = "Remove a custom domain", description = "It stops resolving at once. 404 domain-not-found.")
    public ResponseEntity<Void> remove(@PathVariable("domain") String domain) {
        String tenantId = CurrentTenant.get().id();
        String normalized = DomainPolicy.normalize(domain);
        long version = forDomain(normalized, () -> commands.send(new RemoveDomainCommand(tenantId, normalized)));
        return ResponseEntity.noContent().header(TenantCommands.VERSION_HEADER, Long.toString(version)).build();
    }

    @PostMapping("/{id}/domains/{domain}/verify")
    @RequiresRole(Role.SUPERADMIN)
    @Operation(summary = "Verify a tenant's domain (superadmin)", description = "With {\"override\": true} the "
            + "domain is marked verified without its DNS check; otherwise the check runs.")
    public ResponseEntity<DomainStatusResponse> verifyAsSuperadmin(@PathVariable("id") String tenantId,
            @PathVariable("domain") String domain, @RequestBody(required = false) DomainVerifyRequest request) {
        boolean override = request != null && Boolean.TRUE.equals(request.override());
        return verify(tenantId, DomainPolicy.normalize(domain), override);
    }

    private ResponseEntity<DomainStatusResponse> verify(String tenantId, String domain, boolean override) {
        long version = forDomain(domain, () -> commands.send(new VerifyDomainCommand(tenantId, domain, override)));
        return TenantCommands.ok(version, new DomainStatusResponse(domain, "VERIFIED"));
    }

    /** Axon finds no domain entity to forward the command to: the tenant has no such domain. */
    private static long forDomain(String domain, java.util.function.LongSupplier send) {
        try {
            return send.getAsLong();
        } catch (AggregateEntityNotFoundException e) {
            throw TenantRuleViolation.domainNotFound(domain);
        }
    }

    /** 24 random bytes: 32 URL-safe characters. */
    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
