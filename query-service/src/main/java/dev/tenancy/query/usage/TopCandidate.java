package dev.tenancy.query.usage;

import dev.tenancy.api.plan.Quota;

import java.util.Comparator;

/** One tenant's counter in the running for the top list; {@code percent} unrounded, so ranks are exact. */
record TopCandidate(String tenantId, long used, Quota limit, double percent) {

    static final Comparator<TopCandidate> RANKING = Comparator.comparingDouble(TopCandidate::percent).reversed()
            .thenComparing(Comparator.comparingLong(TopCandidate::used).reversed())
            .thenComparing(TopCandidate::tenantId);
}
