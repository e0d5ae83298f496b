package dev.tenancy.platform.ratelimit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The counter all instances share: one count per tenant and hour. */
public interface ApiCallCounterStore {

    /**
     * Adds the increments; answers the indexes (in {@code increments}) of those known to be stored. Throws when
     * nothing is known to be stored.
     */
    Set<Integer> add(List<ApiCallIncrement> increments);

    /** The shared counts of these counters, by {@link #id}; counters nobody counted yet are absent. */
    Map<String, Long> read(Collection<String> ids);

    static String id(String tenantId, Instant hourStart) {
        return tenantId + ":" + hourStart;
    }
}
