package dev.tenancy.command.usage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.api.usage.UsagePeriodResetEvent;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code usage_periods}: {_id: tenantId, periodEnd, deleted, version}. Every write is guarded by the event's sequence
 * number, so it never goes back; an entry that is missing or behind is folded again from the event store.
 */
@Component
public class UsagePeriodStore {

    private static final String PERIOD_END = "periodEnd";
    private static final String DELETED = "deleted";
    private static final String VERSION = "version";

    private final MongoCollection<Document> periods;
    private final MongoCollection<Document> directory;
    private final EventStore eventStore;

    public UsagePeriodStore(MongoClient client, EventStoreProperties properties, EventStore eventStore) {
        MongoDatabase database = client.getDatabase(properties.serviceDatabase());
        this.periods = database.getCollection("usage_periods");
        this.periods.createIndex(Indexes.ascending(PERIOD_END));
        this.directory = database.getCollection("tenant_directory");
        this.eventStore = eventStore;
    }

    void record(String tenantId, Instant periodEnd, long version) {
        write(tenantId, Updates.combine(Updates.set(PERIOD_END, Date.from(periodEnd)), Updates.set(VERSION, version)),
                Filters.lt(VERSION, version));
    }

    void deleted(String tenantId, long version) {
        write(tenantId, Updates.combine(Updates.set(DELETED, true), Updates.set(VERSION, version)),
                Filters.lt(VERSION, version));
    }

    public Optional<Instant> periodEnd(String tenantId) {
        return Optional.ofNullable(periods.find(Filters.eq("_id", tenantId)).first())
                .filter(document -> !document.getBoolean(DELETED, false))
                .map(document -> document.getDate(PERIOD_END)).map(Date::toInstant);
    }

    /** Live tenants whose period has ended by {@code now}, earliest first. */
    public List<String> due(Instant now, int limit) {
        return periods.find(Filters.and(Filters.lte(PERIOD_END, Date.from(now)), Filters.ne(DELETED, true)))
                .sort(Indexes.ascending(PERIOD_END)).limit(limit).projection(Projections.include("_id"))
                .map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    /** Live tenants of the directory this collection does not know: created before it existed, or a failed write. */
    public List<String> missing() {
        Set<String> known = periods.find().projection(Projections.include("_id"))
                .map(document -> document.getString("_id")).into(new HashSet<>());
        return directory.find(Filters.ne("status", "DELETED")).projection(Projections.include("_id"))
                .map(document -> document.getString("_id")).into(new ArrayList<>())
                .stream().filter(id -> !known.contains(id)).toList();
    }

    /** Folds the tenant's entry from its events, which are the truth: it replaces an entry at the same version. */
    public void rebuild(String tenantId) {
        Instant periodEnd = null;
        boolean deleted = false;
        long version = -1;
        // one event at a time: a long history (100,000 usage events) must not be held in memory at once
        DomainEventStream events = eventStore.readEvents(tenantId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Object payload = event.getPayload();
            if (payload instanceof TenantCreatedEvent created) {
                periodEnd = UsagePeriodProjection.firstPeriodEnd(created);
            } else if (payload instanceof UsagePeriodResetEvent reset) {
                periodEnd = reset.periodEnd();
            } else if (payload instanceof TenantDeletedEvent) {
                deleted = true;
            }
            version = event.getSequenceNumber();
        }
        if (periodEnd != null) {
            write(tenantId, Updates.combine(Updates.set(PERIOD_END, Date.from(periodEnd)),
                    Updates.set(DELETED, deleted), Updates.set(VERSION, version)), Filters.lte(VERSION, version));
        }
    }

    /** A concurrent writer that got further first makes the upsert hit the unique _id: that entry is newer, keep it. */
    private void write(String tenantId, Bson update, Bson versionGuard) {
        try {
            periods.updateOne(Filters.and(Filters.eq("_id", tenantId), versionGuard), update,
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
