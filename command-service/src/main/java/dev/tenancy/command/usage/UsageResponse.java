package dev.tenancy.command.usage;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.usage.UsageOutcome;

/**
 * An accepted report. {@code remaining} is null for an unlimited resource; {@code version} is the tenant's version
 * after the report (for read-your-writes), null for a replay, which wrote nothing.
 */
public record UsageResponse(boolean accepted, String resource, long requested, long applied, long used, Quota limit,
                            Long remaining, boolean replayed, Long version) {

    static UsageResponse of(UsageOutcome outcome, Long version) {
        Quota limit = outcome.limit();
        Long remaining = limit.unlimited() ? null : Math.max(0, limit.max() - outcome.used());
        return new UsageResponse(true, outcome.resource().key(), outcome.requested(), outcome.applied(),
                outcome.used(), limit, remaining, outcome.replayed(), version);
    }
}
