package dev.tenancy.api.user.command;

import dev.tenancy.api.tenant.TenantAdminCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes the user's seat away; the caller then deletes their credential and revokes their tokens. */
public record RemoveUserCommand(
        @TargetAggregateIdentifier String tenantId,
        String userId) implements TenantAdminCommand {
}
