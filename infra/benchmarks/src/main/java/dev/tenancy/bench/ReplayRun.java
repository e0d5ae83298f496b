package dev.tenancy.bench;

/**
 * One rebuild as measured.
 *
 * @param again           a repeat of an earlier setting (the first ran code the service had not compiled yet)
 * @param bulk            whether the rebuild began with the bulk pass (one sorted read into a write-behind cache)
 * @param bulkSeconds     from the start until the bulk pass ended and the processor took over; null without one
 * @param events          stored events when the rebuild had caught up (what it projected)
 * @param catchUpSeconds  from the start until every segment was within a second of the newest event
 * @param switchSeconds   from then until the switch was done (live processor paused, tokens and registry moved)
 * @param eventsPerSecond {@code events / catchUpSeconds}
 * @param queryCores      CPU of query-service, in cores on average over the rebuild
 * @param storeCores      CPU of the benchmark JVM (the embedded store) over the rebuild
 * @param otherCores      CPU of every other program on the machine over the rebuild
 */
record ReplayRun(String projection, boolean again, boolean bulk, String processor, int segments, int batchSize, int fetchSize,
                 Double bulkSeconds, long events,
                 double catchUpSeconds, double switchSeconds, double eventsPerSecond, double queryCores,
                 double storeCores, double otherCores) {
}
