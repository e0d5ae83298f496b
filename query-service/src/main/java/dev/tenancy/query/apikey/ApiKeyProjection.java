package dev.tenancy.query.apikey;

import dev.tenancy.api.apikey.ApiKeyCreatedEvent;
import dev.tenancy.api.apikey.ApiKeyRevokedEvent;
import dev.tenancy.api.apikey.query.FindApiKeysQuery;
import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Projects the tenants' API key events into the API key read model, on its own tracking processor. Self-contained,
 * so a replay rebuilds it from the event store alone; every write is version guarded, so redeliveries change nothing.
 * Secrets were never in the events, so they cannot be here either.
 */
@Component
@ProcessingGroup(ApiKeyProjection.GROUP)
public class ApiKeyProjection {

    public static final String GROUP = "api-keys";
    static final String AGGREGATE_TYPE = "TenantAggregate";

    private final ApiKeyViewStore store;
    private final QueryUpdateEmitter updates;

    public ApiKeyProjection(ApiKeyViewStore store, QueryUpdateEmitter updates) {
        this.store = store;
        this.updates = updates;
    }

    @EventHandler
    void on(ApiKeyCreatedEvent event, @SequenceNumber long sequence) {
        store.created(event, sequence);
        advance(event.tenantId(), sequence);
    }

    @EventHandler
    void on(ApiKeyRevokedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.revoked(event.keyId(), sequence, at);
        advance(event.tenantId(), sequence);
    }

    /**
     * Every other event of the tenant aggregate moves the version on, so a reader waiting for the version any command
     * answered is not left waiting for an event this model ignores.
     */
    @EventHandler
    void on(TenantMessage event, DomainEventMessage<?> message) {
        if (AGGREGATE_TYPE.equals(message.getType())) {
            advance(event.tenantId(), message.getSequenceNumber());
        }
    }

    @ResetHandler
    void reset() {
        store.deleteAllTenants();
    }

    private void advance(String tenantId, long sequence) {
        store.advance(tenantId, sequence);
        boolean awaited = updates.activeSubscriptions().stream().anyMatch(subscription ->
                subscription.getPayload() instanceof FindApiKeysQuery query && query.tenantId().equals(tenantId));
        if (awaited) {
            store.view(tenantId).ifPresent(view ->
                    updates.emit(FindApiKeysQuery.class, query -> query.tenantId().equals(tenantId), view));
        }
    }
}
