package dev.tenancy.command.tenant;

import java.time.Instant;

/** What creating an API key decided: when it was created, and the tenant's version after it. */
public record ApiKeyReceipt(String keyId, Instant createdAt, long version) {
}
