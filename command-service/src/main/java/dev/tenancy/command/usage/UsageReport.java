package dev.tenancy.command.usage;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.usage.BatchedUsageReport;
import dev.tenancy.api.usage.RecordUsageCommand;

import java.time.Instant;

/** One well-formed usage report, from the REST API or from the {@code usage-reports} topic. */
public record UsageReport(String tenantId, Resource resource, long delta, String idempotencyKey, Instant occurredAt) {

    public BatchedUsageReport toBatched(String correlationId, String requestId) {
        return new BatchedUsageReport(resource, delta, idempotencyKey, occurredAt, correlationId, requestId);
    }

    public RecordUsageCommand toCommand() {
        return new RecordUsageCommand(tenantId, resource, delta, idempotencyKey, occurredAt);
    }
}
