package dev.tenancy.api.user.command;

import dev.tenancy.api.tenant.TenantAdminCommand;
import dev.tenancy.api.user.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeUserRoleCommand(
        @TargetAggregateIdentifier String tenantId,
        String userId,
        Role role) implements TenantAdminCommand {
}
