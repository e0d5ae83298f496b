package dev.tenancy.command.member;

import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.user.command.AcceptInvitationCommand;
import dev.tenancy.command.identity.Credential;
import dev.tenancy.command.identity.CredentialStore;
import dev.tenancy.command.identity.PasswordPolicy;
import dev.tenancy.command.identity.Passwords;
import dev.tenancy.command.tenant.InvitationAcceptance;
import dev.tenancy.command.tenant.TenantRuleViolation;
import dev.tenancy.command.web.TenantCommands;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.platform.web.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/**
 * Turns an invitation token into a member. The token is claimed atomically (one person per token), the credential is
 * stored, then the tenant decides (pending and not expired). Whatever fails after the claim is undone: the claim is
 * given back and the credential removed, so nothing half-done remains and the invitee can try again.
 */
@Service
public class InvitationAcceptor {

    private final InvitationTokens tokens;
    private final CredentialStore credentials;
    private final Passwords passwords;
    private final TenantCommands commands;
    private final Clock clock;

    public InvitationAcceptor(InvitationTokens tokens, CredentialStore credentials, Passwords passwords,
                              TenantCommands commands, Clock clock) {
        this.tokens = tokens;
        this.credentials = credentials;
        this.passwords = passwords;
        this.commands = commands;
        this.clock = clock;
    }

    public AcceptedInvitationResponse accept(AcceptInvitationRequest request) {
        new FieldErrors().require("token", request.token()).require("password", request.password()).throwIfAny();
        String tokenHash = InvitationTokens.hash(request.token().trim());
        StoredInvitation invitation = tokens.find(tokenHash)
                .filter(found -> CurrentTenant.find().map(TenantRef::id).map(found.tenantId()::equals).orElse(true))
                .orElseThrow(InvitationAcceptor::notFound);
        if (invitation.expired()) {
            throw expired();
        }
        if (invitation.used()) {
            throw used();
        }
        new FieldErrors().check("password", PasswordPolicy.violation(request.password(), invitation.email()))
                .throwIfAny();
        if (!tokens.claim(tokenHash)) {
            throw used();
        }
        String userId = UUID.randomUUID().toString();
        if (!credentials.add(new Credential(userId, invitation.tenantId(), invitation.email(),
                passwords.hash(request.password()), invitation.role()))) {
            tokens.release(tokenHash);
            throw TenantRuleViolation.alreadyMember(invitation.email());
        }
        InvitationAcceptance acceptance;
        try {
            acceptance = decide(invitation, userId);
        } catch (RuntimeException refused) {
            credentials.remove(userId);
            if (expiredMeanwhile(invitation, refused)) {
                tokens.markExpired(tokenHash);
                throw expired();
            }
            tokens.release(tokenHash);
            throw refused;
        }
        if (!acceptance.accepted()) {
            credentials.remove(userId);
            tokens.markExpired(tokenHash);
            throw expired();
        }
        return new AcceptedInvitationResponse(invitation.tenantId(), userId, acceptance.email(), acceptance.role());
    }

    /** The new member acts: the events of their joining name them, with the role they join with. */
    private InvitationAcceptance decide(StoredInvitation invitation, String userId) {
        CallContext asInvitee = CallContextHolder.current().orElseThrow()
                .withTenant(invitation.tenantId())
                .withActor(userId, ActorKind.USER, invitation.role().name(), null);
        return CallContextHolder.callAs(asInvitee, () -> commands.send(new AcceptInvitationCommand(
                invitation.tenantId(), invitation.invitationId(), userId), InvitationAcceptance.class));
    }

    /** The tenant no longer knows an invitation past its expiry: an earlier command already expired it. */
    private boolean expiredMeanwhile(StoredInvitation invitation, Throwable refused) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TenantRuleViolation violation && violation.code().equals("invitation-not-found")) {
                return !invitation.expiresAt().isAfter(clock.instant());
            }
        }
        return false;
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("invitation-not-found", "No invitation has this token. Check the link, or ask "
                + "for a new invitation.");
    }

    private static ApiProblem used() {
        return new ApiProblem(HttpStatus.GONE, "invitation-used", "Invitation used",
                "This invitation was accepted already; sign in instead, or ask for a new invitation.");
    }

    private static ApiProblem expired() {
        return new ApiProblem(HttpStatus.GONE, "invitation-expired", "Invitation expired",
                "This invitation has expired; ask for a new one.");
    }
}
