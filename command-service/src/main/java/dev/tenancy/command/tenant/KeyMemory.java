package dev.tenancy.command.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** How the ledger forgets idempotency keys: by age and by count, in constant work per remembered key. */
final class KeyMemory {

    private KeyMemory() {
    }

    /**
     * Remembers {@code key} and forgets keys decided more than {@code memory} before {@code at} and all but the latest
     * {@code keep}.
     * {@code keyTimes} holds the keys in the order their reports were decided, so forgetting old ones stops at the
     * first young key and the eldest beyond {@code keep} are at the front.
     */
    static <V> void remember(Map<String, V> outcomes, Map<String, Instant> keyTimes, String key, V outcome,
                             Instant at, Duration memory, int keep) {
        outcomes.put(key, outcome);
        keyTimes.put(key, at);
        Instant horizon = at.minus(memory);
        var oldest = keyTimes.entrySet().iterator();
        while (oldest.hasNext()) {
            var entry = oldest.next();
            if (!entry.getValue().isBefore(horizon)) {
                break;
            }
            outcomes.remove(entry.getKey());
            oldest.remove();
        }
        var eldest = keyTimes.keySet().iterator();
        while (keyTimes.size() > keep) {
            outcomes.remove(eldest.next());
            eldest.remove();
        }
    }
}
