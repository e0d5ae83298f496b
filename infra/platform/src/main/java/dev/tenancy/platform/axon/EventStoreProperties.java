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
 */
@ConfigurationProperties("tenancy.event-store")
public record EventStoreProperties(String eventDatabase, String serviceDatabase, Duration lookBackTime,
                                   Integer batchSize, Duration fetchDelay) {

    public EventStoreProperties {
        eventDatabase = eventDatabase == null ? "tenancy_events" : eventDatabase;
        lookBackTime = lookBackTime == null ? Duration.ofSeconds(5) : lookBackTime;
        batchSize = batchSize == null ? 100 : batchSize;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(250) : fetchDelay;
    }
}
