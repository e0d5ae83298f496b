package dev.tenancy.query.replay;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;

/**
 * A test projection of its own processing group: per tenant, how many of its aggregate's events it saw and the last
 * one's type, version-guarded like the real ones. It can be made to fail for chosen tenants, and a rebuild's instance
 * can be held at a gate.
 */
@ProcessingGroup(ReplayProbe.GROUP)
class ReplayProbe {

    static final String GROUP = "replay-probe";
    static final String COLLECTION = "replay_probe";

    private final ReadModelCollections collections;
    private final ReplayProbeControls controls;
    private final boolean rebuilding;

    ReplayProbe(ReadModelCollections collections, ReplayProbeControls controls, boolean rebuilding) {
        this.collections = collections;
        this.controls = controls;
        this.rebuilding = rebuilding;
    }

    @EventHandler
    void on(TenantMessage event, DomainEventMessage<?> message) throws InterruptedException {
        if (rebuilding) {
            controls.passRebuildGate();
        }
        controls.failIfPoisoned(event.tenantId());
        long version = message.getSequenceNumber();
        try {
            collections.get(COLLECTION).updateOne(
                    Filters.and(Filters.eq("_id", event.tenantId()), Filters.lt("version", version)),
                    Updates.combine(Updates.set("tenantId", event.tenantId()), Updates.inc("events", 1),
                            Updates.set("last", event.getClass().getSimpleName()), Updates.set("version", version)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
