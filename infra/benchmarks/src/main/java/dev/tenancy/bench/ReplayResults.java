package dev.tenancy.bench;

import java.time.Instant;
import java.util.List;

/** Everything one replay benchmark run measured. */
record ReplayResults(Instant at, double seconds, ReplaySettings settings, Machine machine, long seeded,
                     double seedSeconds, long storedEvents, List<ReplayScan> scans, List<ReplayRun> runs) {

    /**
     * The reference the target is measured against: the faster of the scans. The plain scan in natural order should
     * be the cheapest read, but it runs first, in a JVM that has not compiled the driver's decoding yet, and came out
     * slower than the sorted one in some runs; the faster one is the stricter comparison.
     */
    ReplayScan reference() {
        return scans.stream().max(java.util.Comparator.comparingDouble(ReplayScan::eventsPerSecond)).orElseThrow();
    }

    double ratio(ReplayRun run) {
        return run.eventsPerSecond() / reference().eventsPerSecond();
    }
}
