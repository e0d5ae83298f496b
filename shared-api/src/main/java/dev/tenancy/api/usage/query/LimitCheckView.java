package dev.tenancy.api.usage.query;

import dev.tenancy.api.plan.Quota;

/**
 * An advisory answer to "may I consume {@code amount} now?"; the command that records the usage decides. {@code reason}
 * is null when allowed, else {@code limit-exceeded}, {@code tenant-suspended} or {@code feature-not-available}.
 * For customIntegrations, a switch, {@code used}, {@code limit} and {@code remaining} are null.
 */
public record LimitCheckView(
        String resource,
        long amount,
        boolean allowed,
        Long used,
        Quota limit,
        Long remaining,
        String reason) {
}
