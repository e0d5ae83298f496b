package dev.tenancy.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Every event of the store, whatever its type, becomes one audit row keyed by its event id. Nothing is filtered and
 * nothing is typed here, so event types added later flow in without a change. Writing a row replaces it whole with
 * what the event alone determines, which makes redelivery and replay harmless.
 */
@Component
@ProcessingGroup(AuditProjection.GROUP)
public class AuditProjection {

    public static final String GROUP = "audit";

    private final AuditStore store;

    public AuditProjection(AuditStore store) {
        this.store = store;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        store.put(AuditRows.of(message));
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }
}
