package dev.tenancy.query.replay;

/**
 * How a full rebuild's processor runs.
 *
 * @param processor {@link ReplayProperties#POOLED} or {@link ReplayProperties#TRACKING}
 * @param segments  segments, each with its own thread
 * @param batchSize events per unit of work, and per token save
 * @param fetchSize events per query on the event store (per round trip of the bulk pass's cursor)
 * @param bulk      whether the history up to the start is first read in one pass into a write-behind cache
 *                  ({@link BulkCatchUp}); without it the processor replays everything itself
 */
record RebuildOptions(String processor, int segments, int batchSize, int fetchSize, boolean bulk) {
}
