package dev.tenancy.command.tenant;

import dev.tenancy.api.usage.UsageOutcome;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The outcome store for aggregate tests: what was saved, by tenant and key. */
final class InMemoryUsageOutcomeStore implements UsageOutcomeStore {

    private final Map<String, UsageOutcome> outcomes = new HashMap<>();
    private final Map<String, Instant> decided = new HashMap<>();

    @Override
    public Optional<UsageOutcome> find(String tenantId, String key) {
        return Optional.ofNullable(outcomes.get(tenantId + "/" + key));
    }

    @Override
    public void save(String tenantId, String key, UsageOutcome outcome, Instant decidedAt) {
        outcomes.put(tenantId + "/" + key, outcome);
        decided.put(tenantId + "/" + key, decidedAt);
    }

    @Override
    public long deleteOlderThan(Instant horizon) {
        var old = decided.entrySet().stream().filter(e -> e.getValue().isBefore(horizon)).map(Map.Entry::getKey)
                .toList();
        old.forEach(id -> {
            outcomes.remove(id);
            decided.remove(id);
        });
        return old.size();
    }
}
