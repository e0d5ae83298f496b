package dev.tenancy.api.apikey;

import dev.tenancy.api.tenant.TenantAdminCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A tenant admin revokes one of the tenant's API keys for good. */
public record RevokeApiKeyCommand(
        @TargetAggregateIdentifier String tenantId,
        String keyId) implements TenantAdminCommand {
}
