package dev.tenancy.api.user.command;

import dev.tenancy.api.tenant.TenantAdminCommand;
import dev.tenancy.api.user.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Invite {@code email} into the tenant with {@code role}; the invitation takes a seat until it is accepted or expires.
 * The invitation token never travels in a message: only its hash is stored, outside the event store.
 */
public record InviteUserCommand(
        @TargetAggregateIdentifier String tenantId,
        String invitationId,
        String email,
        Role role,
        Instant expiresAt) implements TenantAdminCommand {
}
