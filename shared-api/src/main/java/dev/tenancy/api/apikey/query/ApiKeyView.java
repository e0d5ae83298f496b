package dev.tenancy.api.apikey.query;

import java.time.Instant;
import java.util.List;

/** One API key as its events describe it; {@code revokedAt} is null while it is active. */
public record ApiKeyView(String id, String prefix, String name, List<String> scopes, Instant createdAt,
                         boolean revoked, Instant revokedAt) {

    public ApiKeyView {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
