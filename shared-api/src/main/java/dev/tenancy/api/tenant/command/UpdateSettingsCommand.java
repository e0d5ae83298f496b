package dev.tenancy.api.tenant.command;

import dev.tenancy.api.tenant.TenantAdminCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Sets settings fields, keyed by dotted path (e.g. {@code security.twoFactorRequired}); values are validated. */
public record UpdateSettingsCommand(
        @TargetAggregateIdentifier String tenantId,
        Map<String, Object> values) implements TenantAdminCommand {
}
