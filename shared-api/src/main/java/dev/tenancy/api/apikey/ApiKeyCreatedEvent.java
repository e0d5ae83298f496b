package dev.tenancy.api.apikey;

import dev.tenancy.api.tenant.TenantMessage;

import java.time.Instant;
import java.util.Set;

/** A tenant got an API key. The prefix is the key's public lookup id; the key itself and its hash are never here. */
public record ApiKeyCreatedEvent(String tenantId, String keyId, String name, String prefix, Set<String> scopes,
                                 Instant createdAt) implements TenantMessage {

    public ApiKeyCreatedEvent {
        scopes = ApiKeyScopes.sorted(scopes);
    }
}
