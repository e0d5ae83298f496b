package dev.tenancy.query.audit;

import dev.tenancy.api.tenant.TenantMessage;

/** An event type the audit code has never heard of, with a field whose name says it is secret. */
public record ApiKeyRotatedEvent(String tenantId, String keyId, String secretHash, int generation)
        implements TenantMessage {
}
