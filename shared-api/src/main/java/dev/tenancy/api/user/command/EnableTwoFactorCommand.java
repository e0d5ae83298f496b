package dev.tenancy.api.user.command;

import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a user's second factor is on; the encrypted secret stays in the command side's credential state. */
public record EnableTwoFactorCommand(@TargetAggregateIdentifier String tenantId, String userId)
        implements TenantMessage {
}
