package dev.tenancy.query.analytics;

import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.usage.UsageRecordedEvent;
import dev.tenancy.query.QueryServiceTestSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Events with chosen timestamps, handed to the analytics processors' handlers directly: the event store tracks by
 * timestamp, so an event stored with a timestamp in the past would never reach a processor that is already further.
 * Each test dates its events in a year of its own, long before any stored event, so the totals of its days are its
 * own; tenant counts are cumulative, so tests compare them with the day before their first event.
 */
abstract class AnalyticsTestSupport extends QueryServiceTestSupport {

    static final String[] GROUPS = {TenantLifecycleProjection.GROUP, UsageTotalsProjection.GROUP};

    @Autowired
    AnalyticsStore analytics;
    @Autowired
    TenantAnalytics tenantAnalytics;
    @Autowired
    UsageAnalytics usageAnalytics;
    @Autowired
    EventProcessingConfiguration processing;

    private final Map<String, Long> sequences = new HashMap<>();

    /** A new tenant id, created at {@code at} on {@code plan}. */
    String created(Plan plan, String at) {
        String tenantId = UUID.randomUUID().toString();
        deliver(at, new TenantCreatedEvent(tenantId, "Org " + tenantId.substring(0, 8), "t-" + tenantId.substring(0, 8),
                plan, PlanCatalog.terms(plan).limits(), Instant.parse(at)));
        return tenantId;
    }

    /** The event as its tenant's next one, timestamped {@code at}, handled by every analytics processor. */
    DomainEventMessage<?> deliver(String at, TenantMessage event) {
        long sequence = sequences.merge(event.tenantId(), 1L, Long::sum) - 1;
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("TenantAggregate", event.tenantId(), sequence,
                event, MetaData.with(MetadataKeys.TENANT_ID, event.tenantId()), UUID.randomUUID().toString(),
                Instant.parse(at));
        redeliver(message);
        return message;
    }

    void redeliver(DomainEventMessage<?> message) {
        for (String group : GROUPS) {
            try {
                processor(group).eventHandlerInvoker().handle(message, Segment.ROOT_SEGMENT);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    TrackingEventProcessor processor(String group) {
        return processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
    }

    /** Until both analytics processors have handled every stored event. */
    void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (String group : GROUPS) {
                Map<Integer, EventTrackerStatus> status = processor(group).processingStatus();
                if (status.isEmpty() || !status.values().stream().allMatch(EventTrackerStatus::isCaughtUp)) {
                    return false;
                }
            }
            return true;
        });
    }

    static UsageRecordedEvent used(String tenantId, Resource resource, long delta, long used, String occurredAt) {
        return new UsageRecordedEvent(tenantId, resource, delta, used, UUID.randomUUID().toString(),
                occurredAt == null ? null : Instant.parse(occurredAt), null, delta);
    }
}
