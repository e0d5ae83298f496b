package dev.tenancy.api.tenant.command;

import dev.tenancy.api.tenant.TenantAdminCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterDomainCommand(
        @TargetAggregateIdentifier String tenantId,
        String domain,
        String verificationToken) implements TenantAdminCommand {
}
