package dev.tenancy.api.apikey;

import dev.tenancy.api.tenant.TenantAdminCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * A tenant admin creates an API key. Only its public parts travel here: the secret and its hash stay in the key
 * store, so no command or event can leak a usable key.
 */
public record CreateApiKeyCommand(
        @TargetAggregateIdentifier String tenantId,
        String keyId,
        String name,
        String prefix,
        Set<String> scopes) implements TenantAdminCommand {

    public CreateApiKeyCommand {
        scopes = ApiKeyScopes.sorted(scopes);
    }
}
