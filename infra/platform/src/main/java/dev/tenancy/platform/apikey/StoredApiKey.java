package dev.tenancy.platform.apikey;

import java.time.Instant;
import java.util.Set;

/** A key as the store holds it. {@code lastUsedAt} is null for a key never used. */
public record StoredApiKey(String keyId, String prefix, String hash, String tenantId, Set<String> scopes,
                           ApiKeyState state, Instant createdAt, Instant lastUsedAt) {

    public StoredApiKey {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** Without the hash: it must not end up in a log line. */
    @Override
    public String toString() {
        return "StoredApiKey[keyId=" + keyId + ", prefix=" + prefix + ", tenantId=" + tenantId + ", scopes=" + scopes
                + ", state=" + state + "]";
    }
}
