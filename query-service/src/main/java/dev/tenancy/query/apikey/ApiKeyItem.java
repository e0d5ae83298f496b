package dev.tenancy.query.apikey;

import java.time.Instant;
import java.util.List;

/** One key in the list: everything but the key itself, which nobody can see again after its creation. */
public record ApiKeyItem(String id, String prefix, String name, List<String> scopes, Instant createdAt,
                         Instant lastUsedAt, boolean revoked, Instant revokedAt) {
}
