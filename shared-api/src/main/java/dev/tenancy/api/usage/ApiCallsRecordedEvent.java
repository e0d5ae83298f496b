package dev.tenancy.api.usage;

import dev.tenancy.api.tenant.TenantMessage;

import java.time.Instant;

public record ApiCallsRecordedEvent(
        String tenantId,
        Instant hourStart,
        long count) implements TenantMessage {
}
