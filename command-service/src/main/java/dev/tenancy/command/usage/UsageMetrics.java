package dev.tenancy.command.usage;

import dev.tenancy.api.usage.UsageOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code tenancy.usage.kafka.reports} by outcome: what the consumer did with the topic's messages. */
public class UsageMetrics {

    private final Counter accepted;
    private final Counter refused;
    private final Counter replayed;
    private final Counter deadLettered;

    public UsageMetrics(MeterRegistry registry) {
        this.accepted = counter(registry, "accepted");
        this.refused = counter(registry, "refused");
        this.replayed = counter(registry, "replayed");
        this.deadLettered = counter(registry, "dead-lettered");
    }

    void decided(UsageOutcome outcome) {
        if (outcome.replayed()) {
            replayed.increment();
        } else if (outcome.accepted()) {
            accepted.increment();
        } else {
            refused.increment();
        }
    }

    void deadLettered(int count) {
        deadLettered.increment(count);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("tenancy.usage.kafka.reports").tag("outcome", outcome)
                .description("Usage reports consumed from Kafka, by what became of them").register(registry);
    }
}
