package dev.tenancy.api.apikey;

import dev.tenancy.api.tenant.TenantMessage;

/** A tenant's API key was revoked; it never works again. */
public record ApiKeyRevokedEvent(String tenantId, String keyId) implements TenantMessage {
}
