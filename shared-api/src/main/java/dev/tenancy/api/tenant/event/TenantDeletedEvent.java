package dev.tenancy.api.tenant.event;

import dev.tenancy.api.tenant.TenantMessage;

import java.time.Instant;

/** The slug and domains stay reserved until {@code reservedUntil}. */
public record TenantDeletedEvent(
        String tenantId,
        String reason,
        Instant deletedAt,
        Instant reservedUntil) implements TenantMessage {
}
