package dev.tenancy.query.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.event.*;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redelivered events change nothing, and a replay from the start rebuilds exactly the live read model. */
class TenantProjectionReplayTest extends QueryServiceTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void redeliveringAnyEventOnItsOwnChangesNothing() throws Exception {
        String tenantId = tenantWithHistory("redelivered");
        Document before = document(tenantId);
        TrackingEventProcessor processor = processor();

        List<? extends DomainEventMessage<?>> history = eventStore.readEvents(tenantId).asStream().toList();
        assertThat(history).hasSize(13);
        for (DomainEventMessage<?> event : history) {
            processor.eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
            assertThat(document(tenantId)).as("after redelivering %s", event.getPayloadType().getSimpleName())
                    .isEqualTo(before);
        }
    }

    @Test
    void anOlderEventNeverOverwritesNewerState() throws Exception {
        String tenantId = tenant("stale", Plan.FREE);
        append(tenantId, new TenantSuspendedEvent(tenantId, "first"), new TenantActivatedEvent(tenantId, "second"));
        DomainEventMessage<?> suspension = eventStore.readEvents(tenantId).asStream()
                .filter(event -> event.getPayload() instanceof TenantSuspendedEvent).findFirst().orElseThrow();

        processor().eventHandlerInvoker().handle(suspension, Segment.ROOT_SEGMENT);

        assertThat(document(tenantId).getString("status")).isEqualTo("ACTIVE");
        assertThat(document(tenantId).get("version")).isEqualTo(3L);
    }

    @Test
    void replayingFromZeroGivesTheSameDocumentsFieldForField() {
        String tenantId = tenantWithHistory("replayed");
        tenant("plain", Plan.STARTER);
        List<Document> live = views.findAllDocumentsOfAllTenants();
        assertThat(live).extracting(document -> document.getString("_id")).contains(tenantId);

        TrackingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        assertThat(views.findAllDocumentsOfAllTenants()).as("the reset handler empties the read model").isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(views.findAllDocumentsOfAllTenants()).isEqualTo(live));
        assertThat(views.findDocument(TenantId.of(tenantId)).orElseThrow().get("domains", List.class)).hasSize(1);
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(TenantProjection.GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    /** A tenant that went through every kind of event (13 in all, versions 0..12). */
    private String tenantWithHistory(String slug) {
        String tenantId = tenant(slug, Plan.STARTER);
        var professional = PlanCatalog.terms(Plan.PROFESSIONAL).limits();
        var overrides = new LimitOverrides(Quota.of(500), null, null, null, null, null, null, null);
        Instant deletedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        append(tenantId,
                new PlanChangedEvent(tenantId, Plan.STARTER, Plan.PROFESSIONAL, professional, professional),
                new LimitsOverriddenEvent(tenantId, LimitOverrides.none(), overrides, overrides.applyTo(professional)),
                new FeaturesOverriddenEvent(tenantId, Map.of(), Map.of(Feature.WHITE_LABEL, true)),
                new SettingsChangedEvent(tenantId, List.of(new FieldChange("security.twoFactorRequired", false, true),
                        new FieldChange("security.sso.clientSecret", null, "stored-secret"))),
                new BrandingChangedEvent(tenantId, List.of(new FieldChange("primaryColor", null, "#abcdef"))),
                new DomainRegisteredEvent(tenantId, "a." + slug + ".test", "t-a"),
                new DomainRegisteredEvent(tenantId, "b." + slug + ".test", "t-b"),
                new DomainVerifiedEvent(tenantId, "a." + slug + ".test", "superadmin-override"),
                new DomainRemovedEvent(tenantId, "b." + slug + ".test"),
                new TenantSuspendedEvent(tenantId, "review"),
                new TenantDeletedEvent(tenantId, "gone", deletedAt, deletedAt.plus(90, ChronoUnit.DAYS)));
        return tenantId;
    }
}
