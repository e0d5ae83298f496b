package dev.tenancy.bench;

import java.time.Instant;
import java.util.List;

/** Everything one replay benchmark run measured. */
record ReplayResults(Instant at, double seconds, ReplaySettings settings, Machine machine, long seeded,
                     double seedSeconds, long storedEvents, List<ReplayScan> scans, List<ReplayRun> runs) {

    /** The reference the target is measured against: the plain scan in natural order, the cheapest read. */
    ReplayScan reference() {
        return scans.get(0);
    }

    double ratio(ReplayRun run) {
        return run.eventsPerSecond() / reference().eventsPerSecond();
    }
}
