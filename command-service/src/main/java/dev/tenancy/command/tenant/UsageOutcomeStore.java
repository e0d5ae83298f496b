package dev.tenancy.command.tenant;

import dev.tenancy.api.usage.UsageOutcome;

import java.time.Instant;
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

    /** Removes entries decided before {@code horizon}; answers how many. */
    long deleteOlderThan(Instant horizon);
}
