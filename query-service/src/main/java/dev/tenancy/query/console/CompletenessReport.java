package dev.tenancy.query.console;

import java.time.Instant;
import java.util.List;

/**
 * The audit log compared with the event store. {@code missing}: stored events the audit processor has passed but
 * that have no row (a lost or deleted row); {@code pending}: stored events without a row that the processor has not
 * reached yet; {@code extra}: rows without a stored event. Id lists are capped at 1000 each; the counts are exact.
 */
public record CompletenessReport(
        String tenantId,
        Instant checkedAt,
        long storedEvents,
        long auditRows,
        boolean complete,
        long missingCount,
        List<String> missing,
        long pendingCount,
        List<String> pending,
        long extraCount,
        List<String> extra) {
}
