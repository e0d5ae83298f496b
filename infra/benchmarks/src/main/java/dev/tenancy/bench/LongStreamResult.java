package dev.tenancy.bench;

/**
 * Commands on a tenant with a long event stream against one with a short stream, after a restart of the command
 * service (empty aggregate cache).
 *
 * @param longEvents           usage events the long tenant holds
 * @param shortEvents          usage events the short tenant holds
 * @param seeding              how the long tenant's history got there
 * @param firstAfterSeedMillis the long tenant's first command after its history arrived (with store seeding the
 *                             cached tenant is stale: the append conflicts, and the retry replays the whole stream)
 * @param snapshots            the long tenant's snapshots just before the restart
 * @param snapshotProblem      the first line of command-service's log about a failed snapshot, or null
 * @param coldLongMillis       first command on the long tenant after the restart
 * @param coldShortMillis      first command on the short tenant after the restart
 * @param longStats            sequential commands on the long tenant (after the first)
 * @param shortStats           sequential commands on the short tenant (after the first)
 */
record LongStreamResult(long longEvents, long shortEvents, Seeding seeding, double firstAfterSeedMillis,
                        SnapshotInfo snapshots, String snapshotProblem, double coldLongMillis, double coldShortMillis,
                        LatencyStats longStats, LatencyStats shortStats) {

    double medianRatio() {
        return shortStats.p50Millis() <= 0 ? 0 : longStats.p50Millis() / shortStats.p50Millis();
    }
}
