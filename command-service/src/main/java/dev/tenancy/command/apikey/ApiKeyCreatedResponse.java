package dev.tenancy.command.apikey;

import java.time.Instant;
import java.util.List;

/** The only answer that ever carries the key: it cannot be shown again. */
public record ApiKeyCreatedResponse(String id, String key, String prefix, String name, List<String> scopes,
                                    Instant createdAt) {
}
