package dev.tenancy.query.usage;

import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.event.*;
import dev.tenancy.api.usage.ApiCallsRecordedEvent;
import dev.tenancy.api.usage.UsagePeriodResetEvent;
import dev.tenancy.api.usage.UsageRefusedEvent;
import dev.tenancy.api.usage.UsageThresholdCrossedEvent;
import dev.tenancy.query.tenant.TenantProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.tenancy.api.plan.Resource.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redelivered usage events change nothing, and a replay from the start rebuilds exactly the live usage model. */
class UsageProjectionReplayTest extends UsageTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void redeliveringAnyEventOnItsOwnChangesNeitherReadModel() throws Exception {
        String tenantId = tenantWithUsageHistory("redelivered");
        Map<String, List<Document>> usageBefore = usage.findAllDocumentsOfAllTenants();
        Document tenantBefore = document(tenantId);

        List<? extends DomainEventMessage<?>> history = eventStore.readEvents(tenantId).asStream().toList();
        assertThat(history).hasSize(16);
        for (DomainEventMessage<?> event : history) {
            processor(UsageProjection.GROUP).eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
            processor(TenantProjection.GROUP).eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
            String name = event.getPayloadType().getSimpleName();
            assertThat(usage.findAllDocumentsOfAllTenants()).as("usage after redelivering %s", name)
                    .isEqualTo(usageBefore);
            assertThat(document(tenantId)).as("tenant after redelivering %s", name).isEqualTo(tenantBefore);
        }
    }

    @Test
    void theSameUsageEventTwiceInARowCountsOnce() throws Exception {
        String tenantId = usageTenant("twice", Plan.FREE);
        record(tenantId, used(tenantId, CAMPAIGNS, 2, 2, Instant.parse("2025-04-01T10:00:00Z"), null));
        DomainEventMessage<?> recorded = eventStore.readEvents(tenantId).asStream()
                .reduce((first, second) -> second).orElseThrow();

        processor(UsageProjection.GROUP).eventHandlerInvoker().handle(recorded, Segment.ROOT_SEGMENT);

        Document day = day(tenantId, CAMPAIGNS, LocalDate.parse("2025-04-01")).orElseThrow();
        assertThat(day.get("consumed")).isEqualTo(2L);
        assertThat(counter(tenantId, CAMPAIGNS).get("used")).isEqualTo(2L);
    }

    @Test
    void replayingFromZeroGivesTheSameDocumentsFieldForField() {
        tenantWithUsageHistory("replayed");
        Map<String, List<Document>> live = usage.findAllDocumentsOfAllTenants();
        assertThat(live.get(UsageStore.DAYS)).isNotEmpty();

        TrackingEventProcessor processor = processor(UsageProjection.GROUP);
        processor.shutDown();
        processor.resetTokens();
        assertThat(usage.findAllDocumentsOfAllTenants().values()).as("the reset handler empties the usage model")
                .allSatisfy(documents -> assertThat(documents).isEmpty());
        processor.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(usage.findAllDocumentsOfAllTenants()).isEqualTo(live));
    }

    private TrackingEventProcessor processor(String group) {
        return processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
    }

    /** A tenant that went through every kind of event the usage model reads (16 in all, versions 0..15). */
    private String tenantWithUsageHistory(String slug) {
        String tenantId = usageTenant(slug, Plan.STARTER);
        Document messages = counter(tenantId, MESSAGES_PER_MONTH);
        Instant start = messages.getDate("periodStart").toInstant();
        Instant end = messages.getDate("periodEnd").toInstant();
        var professional = PlanCatalog.terms(Plan.PROFESSIONAL).limits();
        var overrides = new LimitOverrides(Quota.of(2), null, null, null, null, null, null, false);
        Instant day = Instant.parse("2025-05-02T12:00:00Z");
        Instant hour = Instant.parse("2025-05-02T11:00:00Z");
        record(tenantId,
                used(tenantId, USERS, 4, 4, day, start),
                used(tenantId, USERS, -1, 3, day.plusSeconds(86_400), start),
                used(tenantId, MESSAGES_PER_MONTH, 9_000, 9_000, day, start),
                new UsageThresholdCrossedEvent(tenantId, MESSAGES_PER_MONTH, 80, 9_000, 10_000, start),
                new UsageRefusedEvent(tenantId, MESSAGES_PER_MONTH, 5_000, 9_000, Quota.of(10_000), "k", day,
                        "limit-exceeded"),
                new UsagePeriodResetEvent(tenantId, MESSAGES_PER_MONTH, start, 9_000, end,
                        end.plusSeconds(30L * 86_400)),
                new ApiCallsRecordedEvent(tenantId, hour, 4_500),
                new UsageThresholdCrossedEvent(tenantId, API_CALLS_PER_HOUR, 80, 4_500, 5_000, hour),
                new PlanChangedEvent(tenantId, Plan.STARTER, Plan.PROFESSIONAL, professional, professional),
                new LimitsOverriddenEvent(tenantId, LimitOverrides.none(), overrides, overrides.applyTo(professional)),
                new SettingsChangedEvent(tenantId, List.of(new FieldChange("timezone", "UTC", "Europe/Paris"))),
                new TenantSuspendedEvent(tenantId, "review"),
                new TenantActivatedEvent(tenantId, "ok"),
                new TenantDeletedEvent(tenantId, "gone", day, day.plusSeconds(86_400)));
        assertThat(view(tenantId).overLimit()).containsExactly("users");
        return tenantId;
    }
}
