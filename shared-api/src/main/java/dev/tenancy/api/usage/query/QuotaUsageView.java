package dev.tenancy.api.usage.query;

import dev.tenancy.api.plan.Quota;

import java.time.Instant;
import java.util.List;

/**
 * A counted resource against its limit. {@code remaining} and {@code percent} (one decimal, above 100 when over the
 * limit) are null when the limit is unlimited; {@code percent} is also null for a limit of 0. {@code periodStart}
 * and {@code periodEnd} bound messagesPerMonth's monthly period and apiCallsPerHour's current hour, and are null for
 * gauges. {@code thresholds} are the percentages (80, 100) reached in the current period.
 */
public record QuotaUsageView(
        String resource,
        long used,
        Quota limit,
        boolean unlimited,
        Long remaining,
        Double percent,
        Instant periodStart,
        Instant periodEnd,
        boolean overLimit,
        List<Integer> thresholds) implements ResourceUsage {
}
