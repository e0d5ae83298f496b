package dev.tenancy.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import dev.tenancy.query.QueryServiceApplication;
import dev.tenancy.query.tenant.TenantViewRepository;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-service nodes on one store, the live processor's segment held by the other node: a rebuild started here
 * asks it to pause, switches, and both nodes go on serving and projecting into the new collections; a tenant's
 * slice is rebuilt while the other node holds its live processor back.
 */
class TwoNodeRebuildTest extends ReplayTestSupport {

    private static final String GROUP = "tenants";
    private static ConfigurableApplicationContext otherNode;
    private static StreamingEventProcessor thisNodesLiveProcessor;

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void startTheOtherNodeHoldingTheLiveSegment() {
        if (otherNode == null) {
            otherNode = new SpringApplicationBuilder(QueryServiceApplication.class).run(
                    "--spring.config.name=query-service",
                    "--server.port=0",
                    "--spring.data.mongodb.uri=" + mongoUri(),
                    "--tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
                    "--tenancy.read-your-writes.timeout=3s",
                    "--tenancy.health.kafka.enabled=false",
                    "--tenancy.event-store.event-database=replay_events",
                    "--tenancy.event-store.service-database=replay_query",
                    "--tenancy.replay.retire-after=1s",
                    "--tenancy.replay.registry-refresh=200ms");
        }
        StreamingEventProcessor here = live(processing);
        thisNodesLiveProcessor = here;
        StreamingEventProcessor there = live(otherNode.getBean(EventProcessingConfiguration.class));
        if (!there.processingStatus().isEmpty()) {
            return;
        }
        here.shutDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> !there.processingStatus().isEmpty());
        here.start();
    }

    /** The context is shared with other replay tests: they find this node projecting again, as before. */
    @AfterAll
    static void stopTheOtherNode() {
        if (otherNode != null) {
            otherNode.close();
            otherNode = null;
            await().atMost(Duration.ofSeconds(30)).until(() -> !thisNodesLiveProcessor.processingStatus().isEmpty());
        }
    }

    @Test
    void aFullRebuildPausesTheOtherNodeSwitchesAndBothGoOnInTheNewCollections() throws Exception {
        String tenant = tenant("two-nodes-" + UUID.randomUUID().toString().substring(0, 6), Plan.STARTER);
        String before = registry.physical(TenantViewRepository.COLLECTION);

        JsonNode done = awaitRebuild(GROUP, rebuild(GROUP, ""));

        JsonNode last = done.get("lastRebuild");
        assertThat(last.get("phase").asText()).as(last.toString()).isEqualTo("COMPLETED");
        String after = registry.physical(TenantViewRepository.COLLECTION);
        assertThat(after).isNotEqualTo(before);
        CollectionRegistry otherRegistry = otherNode.getBean(CollectionRegistry.class);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> otherRegistry.physical(TenantViewRepository.COLLECTION).equals(after));
        await("the other node resumed its live processor").atMost(Duration.ofSeconds(30))
                .until(() -> live(otherNode.getBean(EventProcessingConfiguration.class)).isRunning());
        append(tenant, new SettingsChangedEvent(tenant, List.of(new FieldChange("timezone", "UTC", "Asia/Tokyo"))));
        assertThat(document(tenant).get("version")).as("projected into the new collection").isNotNull();
    }

    @Test
    void aTenantsSliceIsRebuiltWhileTheOtherNodeHoldsItsLiveProcessorBack() throws Exception {
        String tenant = tenant("two-slice-" + UUID.randomUUID().toString().substring(0, 6), Plan.FREE);
        registry.get(TenantViewRepository.COLLECTION).updateOne(new org.bson.Document("_id", tenant),
                new org.bson.Document("$set", new org.bson.Document("name", "damaged")));

        JsonNode last = awaitRebuild(GROUP, rebuild(GROUP, "?tenant=" + tenant)).get("lastRebuild");

        assertThat(last.get("phase").asText()).as(last.toString()).isEqualTo("COMPLETED");
        assertThat(document(tenant).getString("name")).startsWith("Org two-slice-");
        await("the other node resumed its live processor").atMost(Duration.ofSeconds(30))
                .until(() -> live(otherNode.getBean(EventProcessingConfiguration.class)).isRunning());
    }

    private static StreamingEventProcessor live(EventProcessingConfiguration configuration) {
        return configuration.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
    }
}
