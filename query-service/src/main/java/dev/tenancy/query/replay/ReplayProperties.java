package dev.tenancy.query.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How projections are rebuilt.
 *
 * @param registryRefresh how often every node re-reads which physical collections are live; a switch reaches the
 *                        node that made it at once and every other node within this time
 * @param retireAfter     how long the collections a switch replaced are kept before they are dropped: longer than
 *                        {@code registryRefresh} plus the slowest read, so no reader still holding the old name finds
 *                        an empty collection
 * @param batchSize       events per unit of work (and per token save) of a rebuild's processor
 * @param segments        segments (threads) of a rebuild's processor
 * @param processor       the kind of a rebuild's processor: {@code pooled} (one reader hands events to a worker per
 *                        segment) or {@code tracking} (each segment's thread reads the store itself)
 * @param fetchSize       events a rebuild reads from the store per query
 * @param maxSegments     the most segments a request may ask for
 * @param switchTimeout   how long the live processor may stay paused while the rebuild reaches its last position;
 *                        past it the switch is called off, the live processor resumes and the rebuild keeps going
 * @param bulk          whether a full rebuild first reads the history up to its start in one sorted pass, its
 *                      handlers writing through a write-behind cache ({@link BulkCatchUp}), before its processor
 *                      takes over; a request may say otherwise
 * @param bulkCacheDocuments the most read-model documents the bulk pass keeps in memory after writing them out;
 *                      beyond it the cache is dropped and reads of older documents go to the store
 * @param bulkFlushEvents events after which the bulk pass writes out what it changed (and checks the cache size)
 * @param leaseTimeout    a rebuild that has not reported for this long is considered dead (its node crashed): the
 *                        group may be rebuilt again and its shadow collections are dropped
 */
@ConfigurationProperties("tenancy.replay")
public record ReplayProperties(Duration registryRefresh, Duration retireAfter, Integer batchSize, Integer segments,
                               String processor, Integer fetchSize, Integer maxSegments, Duration switchTimeout,
                               Duration leaseTimeout, Boolean bulk, Integer bulkCacheDocuments,
                               Integer bulkFlushEvents) {

    public static final String POOLED = "pooled";
    public static final String TRACKING = "tracking";


    public ReplayProperties {
        registryRefresh = registryRefresh == null ? Duration.ofSeconds(1) : registryRefresh;
        retireAfter = retireAfter == null ? Duration.ofSeconds(15) : retireAfter;
        batchSize = batchSize == null ? 200 : batchSize;
        segments = segments == null ? 1 : segments;
        processor = processor == null ? POOLED : processor;
        fetchSize = fetchSize == null ? 1000 : fetchSize;
        if (!POOLED.equals(processor) && !TRACKING.equals(processor)) {
            throw new IllegalArgumentException("tenancy.replay.processor must be pooled or tracking");
        }
        maxSegments = maxSegments == null ? 8 : maxSegments;
        switchTimeout = switchTimeout == null ? Duration.ofSeconds(30) : switchTimeout;
        leaseTimeout = leaseTimeout == null ? Duration.ofMinutes(1) : leaseTimeout;
        bulk = bulk == null || bulk;
        bulkCacheDocuments = bulkCacheDocuments == null ? 20_000 : bulkCacheDocuments;
        bulkFlushEvents = bulkFlushEvents == null ? 20_000 : bulkFlushEvents;
    }
}
