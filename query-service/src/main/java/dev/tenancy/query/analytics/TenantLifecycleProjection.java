package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.PlanChangedEvent;
import dev.tenancy.api.tenant.event.TenantActivatedEvent;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static dev.tenancy.query.analytics.AnalyticsDocuments.*;

/**
 * Records, per tenant and UTC day of the event's timestamp, the plan and status the tenant had when the day began and
 * when it ended; the daily counts and MRR are summed from these when read. Each change writes the tenant's day first
 * and its current state last, both guarded by the event's sequence number: an event redelivered after a crash
 * between the two writes finds the same state as the first time, so it writes the same day again (or nothing).
 */
@Component
@ProcessingGroup(TenantLifecycleProjection.GROUP)
public class TenantLifecycleProjection {

    public static final String GROUP = "analytics-tenants";

    private final AnalyticsStore store;

    public TenantLifecycleProjection(AnalyticsStore store) {
        this.store = store;
    }

    @EventHandler
    void on(TenantCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.tenantId(), sequence, at, before -> new PlanStatus(event.plan(), TenantStatus.ACTIVE),
                List.of(set(NAME, event.name()), set(SLUG, event.slug())));
    }

    @EventHandler
    void on(PlanChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.tenantId(), sequence, at, before -> before.withPlan(event.plan()), List.of());
    }

    @EventHandler
    void on(TenantSuspendedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.tenantId(), sequence, at, before -> before.withStatus(TenantStatus.SUSPENDED), List.of());
    }

    @EventHandler
    void on(TenantActivatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.tenantId(), sequence, at, before -> before.withStatus(TenantStatus.ACTIVE), List.of());
    }

    @EventHandler
    void on(TenantDeletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.tenantId(), sequence, at, before -> before.withStatus(TenantStatus.DELETED), List.of());
    }

    @ResetHandler
    void reset() {
        store.deleteLifecycle();
    }

    /**
     * {@code next} gets the state before the event (null only before the tenant's creation); {@code identity} is
     * what only a creation sets. The day never goes back before the tenant's previous change: command nodes' clocks
     * may disagree by a little around midnight, and a tenant's days must follow the order of its events.
     */
    private void change(String tenantId, long sequence, Instant at, UnaryOperator<PlanStatus> next,
                        List<Bson> identity) {
        Optional<Document> tenant = store.tenant(tenantId);
        if (tenant.map(document -> number(document.get(VERSION)) >= sequence).orElse(false)) {
            return;
        }
        PlanStatus before = tenant.map(document -> new PlanStatus(Plan.valueOf(document.getString(PLAN)),
                TenantStatus.valueOf(document.getString(STATUS)))).orElse(null);
        if (before == null && identity.isEmpty()) {
            // only a creation starts a tenant here; nothing else can change one this model never saw created
            return;
        }
        PlanStatus after = next.apply(before);
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate lastDay = tenant.map(document -> LocalDate.parse(document.getString(LAST_DAY))).orElse(day);
        if (day.isBefore(lastDay)) {
            day = lastDay;
        }
        store.tenantDays.upsert(tenantDayId(tenantId, day), sequence, List.of(
                setOnInsert(TENANT_ID, tenantId),
                setOnInsert(DATE, day.toString()),
                setOnInsert(BEFORE, before == null ? null : before.key()),
                set(AFTER, after.key())));
        List<Bson> state = new ArrayList<>(identity);
        state.addAll(List.of(setOnInsert(TENANT_ID, tenantId), set(PLAN, after.plan().name()), set(STATUS, after.status().name()),
                set(LAST_DAY, day.toString())));
        store.tenants.upsert(tenantId, sequence, state);
    }
}
