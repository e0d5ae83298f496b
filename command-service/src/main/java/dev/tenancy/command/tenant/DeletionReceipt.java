package dev.tenancy.command.tenant;

import java.time.Instant;

/** What deleting a tenant answers: when, until when its slug and domains stay reserved, and the new version. */
public record DeletionReceipt(String tenantId, Instant deletedAt, Instant reservedUntil, long version) {
}
