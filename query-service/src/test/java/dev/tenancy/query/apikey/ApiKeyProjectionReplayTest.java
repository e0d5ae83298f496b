package dev.tenancy.query.apikey;

import dev.tenancy.api.apikey.ApiKeyCreatedEvent;
import dev.tenancy.api.apikey.ApiKeyRevokedEvent;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.query.QueryServiceTestSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redelivered API key events change nothing, and a replay from the start rebuilds exactly the live model. */
class ApiKeyProjectionReplayTest extends QueryServiceTestSupport {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ApiKeyViewStore keys;

    @Test
    void redeliveringAnyEventChangesNothing() throws Exception {
        String tenantId = tenantWithKeyHistory("again");
        Map<String, List<Document>> before = keys.findAllDocumentsOfAllTenants();

        List<? extends DomainEventMessage<?>> history = eventStore.readEvents(tenantId).asStream().toList();
        assertThat(history).hasSize(7);
        for (DomainEventMessage<?> event : history) {
            processor().eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
            assertThat(keys.findAllDocumentsOfAllTenants()).as("after redelivering %s",
                    event.getPayloadType().getSimpleName()).isEqualTo(before);
        }
    }

    @Test
    void replayingFromZeroGivesTheSameDocumentsFieldForField() {
        tenantWithKeyHistory("replay");
        Map<String, List<Document>> live = keys.findAllDocumentsOfAllTenants();
        assertThat(live.get(ApiKeyViewStore.KEYS)).isNotEmpty();

        TrackingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        assertThat(keys.findAllDocumentsOfAllTenants().values()).as("the reset handler empties the model")
                .allSatisfy(documents -> assertThat(documents).isEmpty());
        processor.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(keys.findAllDocumentsOfAllTenants()).isEqualTo(live));
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(ApiKeyProjection.GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    /** Created, two keys, one revoked, then deleted: versions 0..6, all projected. */
    private String tenantWithKeyHistory(String slug) {
        String tenantId = tenant(slug + "-" + UUID.randomUUID().toString().substring(0, 6), Plan.STARTER);
        long last = publish(tenantId,
                new ApiKeyCreatedEvent(tenantId, "a-" + tenantId, "A", "aaaaaaaaaaaa", Set.of("read"), NOW),
                new ApiKeyCreatedEvent(tenantId, "b-" + tenantId, "B", "bbbbbbbbbbbb", Set.of("write"), NOW),
                new ApiKeyRevokedEvent(tenantId, "a-" + tenantId),
                new ApiKeyCreatedEvent(tenantId, "c-" + tenantId, "A", "cccccccccccc", Set.of("read"), NOW),
                new TenantDeletedEvent(tenantId, "closed", NOW, NOW.plusSeconds(86_400)));
        await().atMost(Duration.ofSeconds(10)).until(() -> keys.view(tenantId)
                .map(view -> view.version() >= last).orElse(false));
        assertThat(keys.view(tenantId).orElseThrow().apiKeys()).hasSize(3);
        return tenantId;
    }
}
