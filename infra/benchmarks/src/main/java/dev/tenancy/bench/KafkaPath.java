package dev.tenancy.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Usage through Kafka, end to end: from the first record sent until the event store holds a UsageRecordedEvent for
 * each one. Every report for a tenant becomes one event, so the last one to arrive for a tenant has the sequence
 * number {@code before + its records}; the full count afterwards confirms it.
 */
final class KafkaPath {

    private static final Logger log = LoggerFactory.getLogger(KafkaPath.class);

    private final KafkaLoad load;
    private final EventStoreProbe probe;

    KafkaPath(KafkaLoad load, EventStoreProbe probe) {
        this.load = load;
        this.probe = probe;
    }

    /** Sends {@code records} reports spread evenly over {@code tenants} and waits until all are stored. */
    KafkaResult run(List<Tenant> tenants, String keyPrefix, int records, Duration timeout) throws Exception {
        List<Long> countsBefore = new ArrayList<>();
        List<Long> lastBefore = new ArrayList<>();
        for (Tenant tenant : tenants) {
            countsBefore.add(probe.countRecorded(tenant.id()));
            lastBefore.add(probe.lastSequence(tenant.id()));
        }
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        for (int t = 0; t < tenants.size(); t++) {
            load.send(tenants.get(t).id(), keyPrefix, share(records, tenants.size(), t));
        }
        double produceSeconds = (System.nanoTime() - begin) / 1e9;
        boolean completed = true;
        for (int t = 0; t < tenants.size() && completed; t++) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            completed = probe.awaitSequence(tenants.get(t).id(), lastBefore.get(t) + share(records, tenants.size(), t),
                    left);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long stored = 0;
        for (int t = 0; t < tenants.size(); t++) {
            stored += probe.countRecorded(tenants.get(t).id()) - countsBefore.get(t);
        }
        log.info("Kafka: {} records sent in {} s, {} stored after {} s{}", records, round(produceSeconds), stored,
                round(seconds), completed ? "" : " (timed out)");
        return new KafkaResult(records, stored, completed && stored == records, seconds, produceSeconds);
    }

    static int share(int records, int tenants, int index) {
        return records / tenants + (index < records % tenants ? 1 : 0);
    }

    private static String round(double seconds) {
        return String.format("%.1f", seconds);
    }
}
