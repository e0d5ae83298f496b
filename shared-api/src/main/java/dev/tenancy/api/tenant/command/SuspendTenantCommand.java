package dev.tenancy.api.tenant.command;

import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SuspendTenantCommand(@TargetAggregateIdentifier String tenantId, String reason) implements TenantMessage {
}
