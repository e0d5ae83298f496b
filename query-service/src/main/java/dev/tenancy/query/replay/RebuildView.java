package dev.tenancy.query.replay;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rebuild, running or finished.
 *
 * @param tenant      the tenant whose documents are rebuilt; null for a full rebuild
 * @param caughtUpAt  when a full rebuild had reached the newest event and the switch began
 * @param bulk        whether a full rebuild began with the bulk pass (one sorted read of the history into a
 *                    write-behind cache) before its processor took over; null for a tenant rebuild
 * @param bulkFinishedAt when the bulk pass ended and the processor took over
 * @param collections the collections being written: the shadow collections of a full rebuild (live after it
 *                    completed), the live ones of a tenant rebuild
 * @param eventsDone  stored events passed (full) or the tenant's events applied (tenant)
 * @param eventsTotal events in the store (full) or of the tenant (tenant)
 * @param rate        events handled per second over the last seconds
 * @param averageRate events passed per second from the start until caught up (or until now)
 * @param lag         per segment of a full rebuild's processor
 * @param deadLetters events a full rebuild parked (a switch hands them to the live group's queue); for a tenant
 *                    rebuild, the tenant's dead letters it evicted because all its events are applied now
 */
public record RebuildView(String id, String projection, RebuildKind kind, String tenant, RebuildPhase phase,
                          Instant startedAt, Instant caughtUpAt, Instant finishedAt, String processor,
                          Integer segments, Integer batchSize, Integer fetchSize, Boolean bulk,
                          Instant bulkFinishedAt, Map<String, String> collections,
                          long eventsDone, long eventsTotal,
                          double percent, double rate, double averageRate, Double etaSeconds, List<SegmentView> lag,
                          long deadLetters, String error) {
}
