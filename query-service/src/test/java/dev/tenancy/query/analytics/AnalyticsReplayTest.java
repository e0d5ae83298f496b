package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.event.PlanChangedEvent;
import dev.tenancy.api.tenant.event.TenantActivatedEvent;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.usage.ApiCallsRecordedEvent;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tenancy.api.plan.Resource.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the analytics model from the event store (tokens reset, every event again) gives the documents the live
 * processors wrote, field for field. The events are stored ones here, as the command side appends them.
 */
class AnalyticsReplayTest extends AnalyticsTestSupport {

    @Test
    void replayingFromZeroGivesTheSameDocumentsFieldForField() {
        String tenantId = tenantWithHistory();
        awaitCaughtUp();
        Map<String, List<Document>> live = documentsOf(tenantId);
        assertThat(live.values()).as("the tenant, its days and its usage buckets")
                .allSatisfy(documents -> assertThat(documents).isNotEmpty());

        rebuild();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(documentsOf(tenantId)).isEqualTo(live));
        awaitCaughtUp();
        Map<String, List<Document>> rebuilt = analytics.findAllDocuments();

        rebuild();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(analytics.findAllDocuments()).isEqualTo(rebuilt));
    }

    private void rebuild() {
        for (String group : GROUPS) {
            TrackingEventProcessor processor = processor(group);
            processor.shutDown();
            processor.resetTokens();
        }
        assertThat(analytics.findAllDocuments().values()).as("the reset handlers empty the analytics model")
                .allSatisfy(documents -> assertThat(documents).isEmpty());
        for (String group : GROUPS) {
            processor(group).start();
        }
    }

    private Map<String, List<Document>> documentsOf(String tenantId) {
        Map<String, List<Document>> mine = new LinkedHashMap<>();
        analytics.findAllDocuments().forEach((collection, documents) -> mine.put(collection, documents.stream()
                .filter(document -> document.getString("_id").startsWith(tenantId)).toList()));
        return mine;
    }

    /** Stored events, so timestamped now; the usage is dated by when it occurred. */
    private String tenantWithHistory() {
        String tenantId = tenant("analytics-replay-" + UUID.randomUUID().toString().substring(0, 8), Plan.STARTER);
        var professional = PlanCatalog.terms(Plan.PROFESSIONAL).limits();
        append(tenantId,
                used(tenantId, MESSAGES_PER_MONTH, 400, 400, "2019-03-01T10:00:00Z"),
                used(tenantId, MESSAGES_PER_MONTH, 100, 500, "2019-03-01T11:00:00Z"),
                used(tenantId, STORAGE, 2_000, 2_000, "2019-03-02T10:00:00Z"),
                used(tenantId, STORAGE, -500, 1_500, "2019-03-02T10:00:00Z"),
                new ApiCallsRecordedEvent(tenantId, Instant.parse("2019-03-02T09:00:00Z"), 12),
                new PlanChangedEvent(tenantId, Plan.STARTER, Plan.PROFESSIONAL, professional, professional),
                new TenantSuspendedEvent(tenantId, "review"),
                new TenantActivatedEvent(tenantId, "ok"),
                new TenantDeletedEvent(tenantId, "gone", Instant.now(), Instant.now().plusSeconds(86_400)));
        return tenantId;
    }
}
