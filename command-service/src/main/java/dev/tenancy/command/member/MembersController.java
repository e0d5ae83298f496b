package dev.tenancy.command.member;

import dev.tenancy.api.user.Role;
import dev.tenancy.api.user.command.ChangeUserRoleCommand;
import dev.tenancy.api.user.command.InviteUserCommand;
import dev.tenancy.api.user.command.RemoveUserCommand;
import dev.tenancy.command.identity.CredentialStore;
import dev.tenancy.command.tenant.ChangeReceipt;
import dev.tenancy.command.web.TenantCommands;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.security.TokenVersions;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The current tenant's members: invitations, role changes, removals (owners and admins; see MemberPolicy for who
 * may manage whom). The list of members and invitations is read from the query service.
 */
@RestController
@RequestMapping("/api/v1/tenants/current")
@RequiresRole({Role.OWNER, Role.ADMIN, Role.SUPERADMIN})
public class MembersController {

    private final TenantCommands commands;
    private final InvitationTokens tokens;
    private final CredentialStore credentials;
    private final TokenVersions tokenVersions;
    private final Clock clock;
    private final Duration ttl;

    public MembersController(TenantCommands commands, InvitationTokens tokens, CredentialStore credentials,
                             TokenVersions tokenVersions, Clock clock,
                             @Value("${tenancy.invitations.ttl:7d}") Duration ttl) {
        this.commands = commands;
        this.tokens = tokens;
        this.credentials = credentials;
        this.tokenVersions = tokenVersions;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The token is stored (hashed) before the invitation exists and discarded if the tenant refuses it. */
    @PostMapping("/invitations")
    @Operation(summary = "Invite a user", description = "Body {email, role}: role OWNER, ADMIN or MEMBER (only an "
            + "owner may invite an owner). Answers the invitation with its token, shown this once; the invitee "
            + "accepts it at POST /api/v1/auth/invitations/accept within tenancy.invitations.ttl (7 days). Sending "
            + "the invitation email is not part of the platform yet: hand the token over yourself. A pending "
            + "invitation takes a seat of the users limit: 409 limit-exceeded when none is free; 409 already-member "
            + "or already-invited for an email that is a member or has a pending invitation.")
    public ResponseEntity<InvitationResponse> invite(@RequestBody InvitationRequest request) {
        FieldErrors errors = new FieldErrors().require("email", request.email()).email("email", request.email());
        Role role = Roles.parse("role", request.role(), errors);
        errors.throwIfAny();
        String tenantId = CurrentTenant.get().id();
        String email = CredentialStore.normalizeEmail(request.email());
        String invitationId = UUID.randomUUID().toString();
        // millisecond precision, as the token store keeps it, so both tell the same expiry
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(ChronoUnit.MILLIS);
        String token = InvitationTokens.newToken();
        String tokenHash = InvitationTokens.hash(token);
        tokens.store(tokenHash, new StoredInvitation(tenantId, invitationId, email, role, expiresAt));
        long version;
        try {
            version = commands.send(new InviteUserCommand(tenantId, invitationId, email, role, expiresAt));
        } catch (RuntimeException refused) {
            tokens.discard(tokenHash);
            throw refused;
        }
        return ResponseEntity.created(URI.create("/api/v1/tenants/current/users"))
                .header(TenantCommands.VERSION_HEADER, Long.toString(version))
                .body(new InvitationResponse(invitationId, email, role, expiresAt, token));
    }

    /** The role is in the user's tokens: they are revoked, so the next sign-in carries the new role. */
    @PatchMapping("/users/{userId}")
    @Operation(summary = "Change a user's role", description = "Body {role}. Admins may manage admins and members "
            + "only; the last owner cannot be demoted (409 last-owner); 404 user-not-found. The user's tokens stop "
            + "working at once; they sign in again with the new role. The same role again changes nothing.")
    public ResponseEntity<RoleChangeResponse> changeRole(@PathVariable("userId") String userId,
                                                         @RequestBody RoleChangeRequest request) {
        FieldErrors errors = new FieldErrors();
        Role role = Roles.parse("role", request.role(), errors);
        errors.throwIfAny();
        ChangeReceipt receipt = commands.send(new ChangeUserRoleCommand(CurrentTenant.get().id(), userId, role),
                ChangeReceipt.class);
        boolean changed = !receipt.changed().isEmpty();
        if (changed) {
            credentials.changeRole(userId, role);
            tokenVersions.revoke(userId);
        }
        return TenantCommands.ok(receipt.version(), new RoleChangeResponse(userId, role, changed,
                receipt.version()));
    }

    /** After the removal is stored: the credential goes and every token of the user stops working, everywhere. */
    @DeleteMapping("/users/{userId}")
    @Operation(summary = "Remove a user", description = "Frees the seat, deletes the user's sign-in and revokes their "
            + "tokens on every service at once. Admins may remove admins and members only; the last owner cannot "
            + "be removed (409 last-owner); 404 user-not-found.")
    public ResponseEntity<Void> remove(@PathVariable("userId") String userId) {
        long version = commands.send(new RemoveUserCommand(CurrentTenant.get().id(), userId));
        tokenVersions.revoke(userId);
        credentials.remove(userId);
        return ResponseEntity.noContent().header(TenantCommands.VERSION_HEADER, Long.toString(version)).build();
    }
}
