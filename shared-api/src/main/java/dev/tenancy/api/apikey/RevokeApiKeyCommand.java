package dev.tenancy.api.apikey;

import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Revokes one of the tenant's API keys for good. Not a {@code TenantAdminCommand}: revoking only ever takes access
 * away, so it stays possible while the tenant is suspended (a superadmin shutting a leaked key).
 */
public record RevokeApiKeyCommand(
        @TargetAggregateIdentifier String tenantId,
        String keyId) implements TenantMessage {
}
