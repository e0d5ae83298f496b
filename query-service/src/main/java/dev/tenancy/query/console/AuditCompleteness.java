package dev.tenancy.query.console;

import dev.tenancy.platform.axon.EventStoreProperties;
import dev.tenancy.query.audit.AuditProjection;
import dev.tenancy.query.audit.AuditStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that the audit log holds exactly one row per stored event, per tenant or for the whole store, by event id.
 * It reads every id of the tenant's events (a scan of the store's metadata text, see {@link EventFilter}) and of its
 * audit rows: an operator's tool, not something to call per request.
 */
@Component
public class AuditCompleteness {

    static final int MAX_LISTED = 1000;

    private final EventStoreReader store;
    private final AuditStore audit;
    private final EventProcessingConfiguration processing;
    private final Duration lookBack;

    public AuditCompleteness(EventStoreReader store, AuditStore audit, EventProcessingConfiguration processing,
                             EventStoreProperties properties) {
        this.store = store;
        this.audit = audit;
        this.processing = processing;
        this.lookBack = properties.lookBackTime();
    }

    /** For one tenant, or every event of the store when {@code tenantId} is null. */
    public CompletenessReport check(String tenantId) {
        Optional<MongoTrackingToken> position = position();
        Set<String> rows = audit.eventIds(tenantId);
        Map<String, Instant> stored = new HashMap<>();
        EventFilter filter = tenantId == null ? EventFilter.none() : EventFilter.ofTenant(tenantId);
        store.idsAndTimes(filter, entry -> stored.put(entry.getKey(), entry.getValue()));

        List<String> missing = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        stored.entrySet().stream().filter(entry -> !rows.contains(entry.getKey())).sorted(Map.Entry.comparingByKey())
                .forEach(entry -> (passed(position, entry.getKey(), entry.getValue()) ? missing : pending)
                        .add(entry.getKey()));
        List<String> extra = rows.stream().filter(id -> !stored.containsKey(id)).sorted().toList();
        return new CompletenessReport(tenantId, Clock.systemUTC().instant(), stored.size(), rows.size(),
                missing.isEmpty() && pending.isEmpty() && extra.isEmpty(), missing.size(), capped(missing),
                pending.size(), capped(pending), extra.size(), capped(extra));
    }

    /** Whether the audit processor's token is past the event: tracked in its window, or older than the window. */
    private boolean passed(Optional<MongoTrackingToken> position, String eventId, Instant timestamp) {
        return position.map(token -> token.getKnownEventIds().contains(eventId)
                || timestamp.isBefore(token.getTimestamp().minus(lookBack))).orElse(false);
    }

    /** Where the audit processor stands; empty while it has no token (not started, or replaying from zero). */
    private Optional<MongoTrackingToken> position() {
        return processing.eventProcessor(AuditProjection.GROUP, TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().values()).stream()
                .flatMap(Collection::stream)
                .map(EventTrackerStatus::getTrackingToken)
                .map(AuditCompleteness::unwrapped)
                .filter(MongoTrackingToken.class::isInstance).map(MongoTrackingToken.class::cast)
                .reduce((a, b) -> a.getTimestamp().isBefore(b.getTimestamp()) ? a : b);
    }

    private static TrackingToken unwrapped(TrackingToken token) {
        return token == null ? null : WrappedToken.unwrapLowerBound(token);
    }

    private static List<String> capped(List<String> ids) {
        return List.copyOf(ids.subList(0, Math.min(ids.size(), MAX_LISTED)));
    }
}
