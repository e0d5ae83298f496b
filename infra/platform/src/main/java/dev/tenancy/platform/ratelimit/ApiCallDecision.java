package dev.tenancy.platform.ratelimit;

import dev.tenancy.api.plan.Quota;

import java.time.Instant;

/**
 * The answer for one API call: whether it may run, the limit it was measured against, the calls of the hour
 * (including this one when allowed) and when the hour ends.
 */
public record ApiCallDecision(boolean allowed, Quota limit, long used, Instant resetAt) {

    /** Calls left this hour; meaningless (Long.MAX_VALUE) for an unlimited quota. */
    public long remaining() {
        return limit.unlimited() ? Long.MAX_VALUE : Math.max(0, limit.max() - used);
    }
}
