package dev.tenancy.query.impersonation;

import dev.tenancy.api.impersonation.ImpersonationStartedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Projects started impersonations, so a tenant can see who acted as its owner, when and why. Needs no other event:
 * a replay from the start rebuilds it from the event store alone, and a redelivered event rewrites its own document.
 */
@Component
@ProcessingGroup(ImpersonationProjection.GROUP)
public class ImpersonationProjection {

    public static final String GROUP = "impersonations";

    private final ImpersonationStore store;

    public ImpersonationProjection(ImpersonationStore store) {
        this.store = store;
    }

    @EventHandler
    void on(ImpersonationStartedEvent event, @SequenceNumber long sequence) {
        store.record(event, sequence);
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }
}
