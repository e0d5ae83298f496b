package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.usage.ApiCallsRecordedEvent;
import dev.tenancy.api.usage.UsageRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.setOnInsert;
import static dev.tenancy.query.analytics.AnalyticsDocuments.*;

/**
 * Adds each tenant's consumption and releases to its bucket of the resource and UTC day; totals across tenants and
 * top lists are summed from the buckets when read. The day is the one the usage happened on, as the tenant's own
 * usage history dates it: a usage record's {@code occurredAt} (else the event's timestamp), an API-call count's hour.
 * Each increment is one write guarded by the event's sequence number, so a redelivered event adds nothing.
 */
@Component
@ProcessingGroup(UsageTotalsProjection.GROUP)
public class UsageTotalsProjection {

    public static final String GROUP = "analytics-usage";

    private final AnalyticsStore store;

    public UsageTotalsProjection(AnalyticsStore store) {
        this.store = store;
    }

    @EventHandler
    void on(UsageRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        Instant at = event.occurredAt() != null ? event.occurredAt() : timestamp;
        add(event.tenantId(), sequence, event.resource(), at, Math.max(event.delta(), 0), Math.max(-event.delta(), 0));
    }

    @EventHandler
    void on(ApiCallsRecordedEvent event, @SequenceNumber long sequence) {
        add(event.tenantId(), sequence, Resource.API_CALLS_PER_HOUR, event.hourStart(), event.count(), 0);
    }

    @ResetHandler
    void reset() {
        store.deleteUsage();
    }

    /** Nothing counted (a release clamped at zero) leaves no bucket, so only active tenants have one. */
    private void add(String tenantId, long sequence, Resource resource, Instant at, long consumed, long released) {
        if (consumed == 0 && released == 0) {
            return;
        }
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        store.usageDays.upsert(usageDayId(tenantId, resource, day), sequence, List.of(
                setOnInsert(TENANT_ID, tenantId),
                setOnInsert(RESOURCE, resource.key()),
                setOnInsert(DATE, day.toString()),
                inc(CONSUMED, consumed),
                inc(RELEASED, released)));
    }
}
