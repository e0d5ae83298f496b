package dev.tenancy.query.usage;

import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.SettingsDefaults;
import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.*;
import dev.tenancy.api.usage.ApiCallsRecordedEvent;
import dev.tenancy.api.usage.UsagePeriod;
import dev.tenancy.api.usage.UsagePeriodResetEvent;
import dev.tenancy.api.usage.UsageRecordedEvent;
import dev.tenancy.api.usage.UsageThresholdCrossedEvent;
import dev.tenancy.api.usage.query.FindTenantUsageQuery;
import dev.tenancy.query.tenant.LimitsCodec;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static dev.tenancy.query.usage.CounterUpdates.date;
import static dev.tenancy.query.usage.UsageDocuments.*;

/**
 * Projects the tenant aggregate's usage events, and the limits, status and time zone they are measured against, into
 * the usage read model. Self-contained, so a replay rebuilds it from the event store alone. Every write is guarded by
 * the aggregate sequence number of the document it changes, so redeliveries and replays change nothing.
 */
@Component
@ProcessingGroup(UsageProjection.GROUP)
public class UsageProjection {

    public static final String GROUP = "usage";
    static final String AGGREGATE_TYPE = "TenantAggregate";
    /** The command side starts every tenant's first period in this zone, whatever the tenant sets later. */
    static final String DEFAULT_ZONE = String.valueOf(SettingsDefaults.SETTINGS.get("timezone"));

    private final UsageStore store;
    private final UsageViews views;
    private final QueryUpdateEmitter updates;

    public UsageProjection(UsageStore store, UsageViews views, QueryUpdateEmitter updates) {
        this.store = store;
        this.views = views;
        this.updates = updates;
    }

    @EventHandler
    void on(TenantCreatedEvent event, @SequenceNumber long sequence) {
        String tenantId = event.tenantId();
        UsagePeriod period = UsagePeriod.containing(event.createdAt(), ZoneId.of(DEFAULT_ZONE), event.createdAt());
        for (Resource resource : COUNTED) {
            boolean monthly = resource == Resource.MESSAGES_PER_MONTH;
            store.counters.replace(counterId(tenantId, resource), sequence,
                    CounterUpdates.newCounter(tenantId, resource, event.limits().quota(resource))
                            .append(PERIOD_START, monthly ? date(period.start()) : null)
                            .append(PERIOD_END, monthly ? date(period.end()) : null));
        }
        store.tenants.replace(tenantId, sequence, new Document(TENANT_ID, tenantId)
                .append(CREATED_AT, date(event.createdAt()))
                .append(TIMEZONE, DEFAULT_ZONE)
                .append(STATUS, TenantStatus.ACTIVE.name())
                .append(LIMITS, LimitsCodec.toDocument(event.limits())));
        publish(tenantId);
    }

    @EventHandler
    void on(PlanChangedEvent event, @SequenceNumber long sequence) {
        limitsChanged(event.tenantId(), sequence, event.limits());
    }

    @EventHandler
    void on(LimitsOverriddenEvent event, @SequenceNumber long sequence) {
        limitsChanged(event.tenantId(), sequence, event.limits());
    }

    @EventHandler
    void on(TenantSuspendedEvent event, @SequenceNumber long sequence) {
        advance(event, sequence, List.of(set(STATUS, TenantStatus.SUSPENDED.name())));
    }

    @EventHandler
    void on(TenantActivatedEvent event, @SequenceNumber long sequence) {
        advance(event, sequence, List.of(set(STATUS, TenantStatus.ACTIVE.name())));
    }

    @EventHandler
    void on(TenantDeletedEvent event, @SequenceNumber long sequence) {
        advance(event, sequence, List.of(set(STATUS, TenantStatus.DELETED.name())));
    }

    /** The zone decides where the next monthly periods start; the current period keeps its dates. */
    @EventHandler
    void on(SettingsChangedEvent event, @SequenceNumber long sequence) {
        List<Bson> changes = event.changes().stream().filter(change -> change.field().equals(TIMEZONE))
                .map(change -> set(TIMEZONE, change.newValue() == null ? DEFAULT_ZONE : change.newValue().toString()))
                .toList();
        advance(event, sequence, changes);
    }

    @EventHandler
    void on(UsageRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        String id = counterId(event.tenantId(), event.resource());
        // one read serves both: the update below changes how much is used, never the period
        Optional<Document> counter = store.counters.find(id);
        VersionedDocuments.unapplied(counter, sequence).ifPresent(unapplied -> store.counters.update(id, sequence,
                CounterUpdates.used(CounterUpdates.quota(unapplied), event.used())));
        Instant periodEnd = event.resource() == Resource.MESSAGES_PER_MONTH
                ? counter.map(found -> found.getDate(PERIOD_END).toInstant()).orElse(null)
                : null;
        Instant at = event.occurredAt() != null ? event.occurredAt() : timestamp;
        store.days.upsert(dayId(event.tenantId(), event.resource(), utcDay(at)), sequence,
                CounterUpdates.day(event.tenantId(), event.resource(), utcDay(at), Math.max(event.delta(), 0),
                        Math.max(-event.delta(), 0), set(USED, event.used()), periodEnd));
        advance(event, sequence, List.of());
    }

    @EventHandler
    void on(UsagePeriodResetEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        String id = counterId(event.tenantId(), event.resource());
        store.counters.unapplied(id, sequence).ifPresent(counter -> {
            List<Bson> changes = new ArrayList<>(CounterUpdates.used(CounterUpdates.quota(counter), 0));
            changes.addAll(List.of(set(PERIOD_START, date(event.periodStart())),
                    set(PERIOD_END, date(event.periodEnd())), set(THRESHOLDS, List.of())));
            store.counters.update(id, sequence, changes);
        });
        store.days.upsert(dayId(event.tenantId(), event.resource(), utcDay(timestamp)), sequence,
                CounterUpdates.day(event.tenantId(), event.resource(), utcDay(timestamp), 0, 0, set(USED, 0L),
                        event.periodEnd()));
        advance(event, sequence, List.of());
    }

    @EventHandler
    void on(UsageThresholdCrossedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        String id = counterId(event.tenantId(), event.resource());
        store.counters.unapplied(id, sequence).ifPresent(counter -> store.counters.update(id, sequence,
                List.of(set(THRESHOLDS, CounterUpdates.thresholdsWith(counter, event, timestamp)))));
        advance(event, sequence, List.of());
    }

    /** The counter keeps the latest closed hour; the day sums its hours. The current hour is read live. */
    @EventHandler
    void on(ApiCallsRecordedEvent event, @SequenceNumber long sequence) {
        String id = counterId(event.tenantId(), Resource.API_CALLS_PER_HOUR);
        store.counters.unapplied(id, sequence).ifPresent(counter -> {
            Date latestHour = counter.getDate(PERIOD_START);
            List<Bson> changes = new ArrayList<>();
            if (latestHour == null || !event.hourStart().isBefore(latestHour.toInstant())) {
                changes.addAll(CounterUpdates.used(CounterUpdates.quota(counter), event.count()));
                changes.add(set(PERIOD_START, date(event.hourStart())));
                changes.add(set(PERIOD_END, date(event.hourStart().plusSeconds(3600))));
            }
            store.counters.update(id, sequence, changes);
        });
        store.days.upsert(dayId(event.tenantId(), Resource.API_CALLS_PER_HOUR, utcDay(event.hourStart())), sequence,
                CounterUpdates.day(event.tenantId(), Resource.API_CALLS_PER_HOUR, utcDay(event.hourStart()),
                        event.count(), 0, inc(USED, event.count()), null));
        advance(event, sequence, List.of());
    }

    /**
     * Every other event of the tenant aggregate still moves the version on, so a reader waiting for the version a
     * command answered is not left waiting for an event this model ignores.
     */
    @EventHandler
    void on(TenantMessage event, DomainEventMessage<?> message) {
        if (AGGREGATE_TYPE.equals(message.getType())) {
            advance(event, message.getSequenceNumber(), List.of());
        }
    }

    @ResetHandler
    void reset() {
        store.deleteAllTenants();
    }

    /** New limits: every counter's share and over-limit flag change, and 80/100 may be reached afresh. */
    private void limitsChanged(String tenantId, long sequence, Limits limits) {
        for (Resource resource : COUNTED) {
            String id = counterId(tenantId, resource);
            Quota quota = limits.quota(resource);
            store.counters.unapplied(id, sequence).ifPresent(counter -> {
                List<Bson> changes = new ArrayList<>(
                        CounterUpdates.used(quota, number(counter.get(USED))));
                changes.add(set(LIMIT, LimitsCodec.toDocument(quota)));
                if (resource != Resource.API_CALLS_PER_HOUR) {
                    changes.add(set(THRESHOLDS, List.of()));
                }
                store.counters.update(id, sequence, changes);
            });
        }
        store.tenants.update(tenantId, sequence, List.of(set(LIMITS, LimitsCodec.toDocument(limits))));
        publish(tenantId);
    }

    /** Last, so a reader that sees the tenant at this version also sees the counters and days it changed. */
    private void advance(TenantMessage event, long sequence, List<Bson> changes) {
        store.tenants.update(event.tenantId(), sequence, changes);
        publish(event.tenantId());
    }

    private void publish(String tenantId) {
        boolean awaited = updates.activeSubscriptions().stream().anyMatch(subscription ->
                subscription.getPayload() instanceof FindTenantUsageQuery query && query.tenantId().equals(tenantId));
        if (awaited) {
            views.view(tenantId).ifPresent(view ->
                    updates.emit(FindTenantUsageQuery.class, query -> query.tenantId().equals(tenantId), view));
        }
    }

    private static LocalDate utcDay(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
