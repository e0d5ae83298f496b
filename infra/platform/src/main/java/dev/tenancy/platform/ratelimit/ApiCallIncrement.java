package dev.tenancy.platform.ratelimit;

import java.time.Instant;

/** One tenant's calls of one hour that this instance has not added to the shared counter yet. */
public record ApiCallIncrement(String tenantId, Instant hourStart, long delta) {
}
