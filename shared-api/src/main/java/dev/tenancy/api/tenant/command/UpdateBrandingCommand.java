package dev.tenancy.api.tenant.command;

import dev.tenancy.api.tenant.TenantAdminCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Sets branding fields (logoUrl, primaryColor, secondaryColor, customCss); values are validated and sanitized. */
public record UpdateBrandingCommand(
        @TargetAggregateIdentifier String tenantId,
        Map<String, Object> values) implements TenantAdminCommand {
}
