package dev.tenancy.query.audit;

/** An event type the audit code has never heard of, with a field whose name says it is secret. */
public record ApiKeyRotatedEvent(String tenantId, String keyId, String secretHash, int generation) {
}
