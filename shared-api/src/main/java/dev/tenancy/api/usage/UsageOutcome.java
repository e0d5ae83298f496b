package dev.tenancy.api.usage;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;

/**
 * The decision on one usage report. {@code applied} can differ from {@code requested} only for a release larger
 * than what is in use (gauges never go below zero). {@code replayed} marks the stored answer to a repeated
 * idempotency key: nothing was counted again.
 */
public record UsageOutcome(
        String tenantId,
        Resource resource,
        boolean accepted,
        long requested,
        long applied,
        long used,
        Quota limit,
        String reason,
        boolean replayed) {

    public UsageOutcome asReplay() {
        return new UsageOutcome(tenantId, resource, accepted, requested, applied, used, limit, reason, true);
    }
}
