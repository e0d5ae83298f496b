package dev.tenancy.command.tenant;

import dev.tenancy.api.usage.UsageOutcome;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decided usage reports by idempotency key, outside the tenant aggregate so its snapshots stay small. The ledger
 * asks it only for keys no longer in its own recent set (see {@link UsageLedger}).
 */
public interface UsageOutcomeStore {

    /** The outcome decided for this key within the last {@link UsageLedger#KEY_MEMORY}, if any. */
    Optional<UsageOutcome> find(String tenantId, String key);

    /** Idempotent: saving the same key again leaves one entry, the latest decision. */
    void save(String tenantId, String key, UsageOutcome outcome, Instant decidedAt);

    /** The outcomes of those of {@code keys} decided within the last key memory, by key; one query where it can. */
    default Map<String, UsageOutcome> findAll(String tenantId, Collection<String> keys) {
        Map<String, UsageOutcome> found = new HashMap<>();
        keys.forEach(key -> find(tenantId, key).ifPresent(outcome -> found.put(key, outcome)));
        return found;
    }

    /** {@link #save} for several outcomes; one write where it can. */
    default void saveAll(String tenantId, List<DecidedOutcome> decided) {
        decided.forEach(d -> save(tenantId, d.key(), d.outcome(), d.decidedAt()));
    }

    /** Removes entries decided before {@code horizon}; answers how many. */
    long deleteOlderThan(Instant horizon);
}
