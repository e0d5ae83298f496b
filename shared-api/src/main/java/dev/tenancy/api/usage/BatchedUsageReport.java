package dev.tenancy.api.usage;

import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.plan.Resource;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One report of a {@link RecordUsageBatchCommand}. {@code correlationId} and {@code requestId} replace the batch's
 * own in the metadata of the events this report causes, so each report keeps its trace (the producer's correlation
 * id, the record it came from).
 */
public record BatchedUsageReport(
        Resource resource,
        long delta,
        String idempotencyKey,
        Instant occurredAt,
        String correlationId,
        String requestId) {

    /** The metadata entries that replace the batch's own on this report's events; absent values are left out. */
    public Map<String, String> trace() {
        Map<String, String> trace = new HashMap<>();
        if (correlationId != null) {
            trace.put(MetadataKeys.CORRELATION_ID, correlationId);
        }
        if (requestId != null) {
            trace.put(MetadataKeys.REQUEST_ID, requestId);
        }
        return trace;
    }

    public RecordUsageCommand toCommand(String tenantId) {
        return new RecordUsageCommand(tenantId, resource, delta, idempotencyKey, occurredAt);
    }
}
