package dev.tenancy.command.admin;

import java.time.Instant;

/** The slug and domains of the deleted tenant stay reserved until {@code reservedUntil}. */
public record TenantDeletedResponse(String tenantId, Instant deletedAt, Instant reservedUntil) {
}
