package dev.tenancy.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The event store keeps 500 recent events for its tracking processors, not Axon's 10,000: each holds an axon-mongo
 * token with every event id of the look-back window, and 10,000 of them filled the heap under load
 * (docs/deployment.md, "Memory").
 */
class EventStoreCacheSettingsTest extends CommandApiTestSupport {

    @Autowired
    EmbeddedEventStore eventStore;

    @Test
    void theTrackingProcessorsShareAtMostFiveHundredRecentEvents() {
        Object producer = ReflectionTestUtils.getField(eventStore, "producer");

        assertThat(ReflectionTestUtils.getField(producer, "cachedEvents")).isEqualTo(500);
    }
}
