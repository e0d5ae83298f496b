package dev.tenancy.bench;

import java.time.Instant;
import java.util.List;

/** Everything one replay benchmark run measured. */
record ReplayResults(Instant at, double seconds, ReplaySettings settings, Machine machine, long seeded,
                     double seedSeconds, long storedEvents, List<ReplayScan> scans, ReplayScan parsed,
                     List<ReplayRun> runs) {

    /** A rebuild's rate against the reference scan's, at least. */
    static final double TARGET = 0.5;

    /**
     * The reference the target is measured against: the faster of the scans. The plain scan in natural order should
     * be the cheapest read, but it runs first, in a JVM that has not compiled the driver's decoding yet, and came out
     * slower than the sorted one in some runs; the faster one is the stricter comparison.
     */
    ReplayScan reference() {
        return scans.stream().max(java.util.Comparator.comparingDouble(ReplayScan::eventsPerSecond)).orElseThrow();
    }

    /** The floor of any rebuild here ({@link EventParsing}) against the reference. */
    double parsedRatio() {
        return parsed.eventsPerSecond() / reference().eventsPerSecond();
    }

    double ratio(ReplayRun run) {
        return run.eventsPerSecond() / reference().eventsPerSecond();
    }
}
