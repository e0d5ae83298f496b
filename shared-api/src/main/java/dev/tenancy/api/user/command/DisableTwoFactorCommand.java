package dev.tenancy.api.user.command;

import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DisableTwoFactorCommand(@TargetAggregateIdentifier String tenantId, String userId)
        implements TenantMessage {
}
