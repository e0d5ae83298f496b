package dev.tenancy.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the event store and this service's own data live.
 *
 * @param eventDatabase   database of the shared event store (events and snapshots)
 * @param serviceDatabase this service's own database: its token store, dead letters and models
 * @param lookBackTime    axon-mongo tracks events by timestamp; an event written by a node whose clock lags the
 *                        tracking reader's by more than this is skipped, so it must exceed the worst clock skew
 *                        between writers plus the longest append
 * @param batchSize       events fetched per round trip while tracking or sourcing an aggregate
 * @param fetchDelay      how often an idle tracking reader polls for events appended by other nodes
 * @param cachedEvents    events the embedded event store keeps for the tracking processors that read near the head
 *                        of the stream (Axon's default is 10,000). Each holds its axon-mongo tracking token, and each
 *                        token the ids of every event within the look-back window: at 200 events/s and 5 s, 1,000 ids
 *                        per event, so Axon's default filled a 256 MiB heap. A processor further behind reads the
 *                        store itself until it catches up.
 */
@ConfigurationProperties("tenancy.event-store")
public record EventStoreProperties(String eventDatabase, String serviceDatabase, Duration lookBackTime,
                                   Integer batchSize, Duration fetchDelay, Integer cachedEvents) {

    public EventStoreProperties {
        eventDatabase = eventDatabase == null ? "tenancy_events" : eventDatabase;
        lookBackTime = lookBackTime == null ? Duration.ofSeconds(5) : lookBackTime;
        batchSize = batchSize == null ? 100 : batchSize;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(250) : fetchDelay;
        cachedEvents = cachedEvents == null ? 500 : cachedEvents;
    }
}
