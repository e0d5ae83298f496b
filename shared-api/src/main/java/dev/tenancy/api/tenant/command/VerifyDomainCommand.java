package dev.tenancy.api.tenant.command;

import dev.tenancy.api.tenant.TenantAdminCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Runs the domain's verification check; {@code override} (superadmins only) marks it verified without one. */
public record VerifyDomainCommand(
        @TargetAggregateIdentifier String tenantId,
        String domain,
        boolean override) implements TenantAdminCommand {
}
