package dev.tenancy.api.apikey.query;

/**
 * A tenant's API keys, active and revoked. {@code minVersion} asks for the read model to have reached at least that
 * aggregate version (read your own writes); 0 accepts any tenant it knows.
 */
public record FindApiKeysQuery(String tenantId, long minVersion) {
}
