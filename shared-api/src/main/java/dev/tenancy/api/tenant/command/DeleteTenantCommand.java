package dev.tenancy.api.tenant.command;

import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Superadmin: deletes the tenant. History stays; its slug and domains stay reserved for a while. */
public record DeleteTenantCommand(@TargetAggregateIdentifier String tenantId, String reason) implements TenantMessage {
}
