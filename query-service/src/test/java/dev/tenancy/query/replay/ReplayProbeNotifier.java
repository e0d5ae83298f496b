package dev.tenancy.query.replay;

import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

/** A side effect in the probe's group, as a welcome mail would be: must happen once per tenant, never on a replay. */
@ProcessingGroup(ReplayProbe.GROUP)
class ReplayProbeNotifier {

    private final ReplayProbeControls controls;

    ReplayProbeNotifier(ReplayProbeControls controls) {
        this.controls = controls;
    }

    @DisallowReplay
    @EventHandler
    void on(TenantCreatedEvent event) {
        controls.welcomed.add(event.tenantId());
    }
}
