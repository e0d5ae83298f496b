package dev.tenancy.api.user.command;

import dev.tenancy.api.tenant.TenantAdminCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The invitee of {@code invitationId} joins as {@code userId}; their credential was stored beforehand. */
public record AcceptInvitationCommand(
        @TargetAggregateIdentifier String tenantId,
        String invitationId,
        String userId) implements TenantAdminCommand {
}
