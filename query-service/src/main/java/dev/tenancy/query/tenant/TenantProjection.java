package dev.tenancy.query.tenant;

import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.tenant.query.FindTenantQuery;
import dev.tenancy.api.tenant.query.TenantView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/** Projects tenant events into the tenants read model and pushes each new state to waiting readers. */
@Component
@ProcessingGroup(TenantProjection.GROUP)
public class TenantProjection {

    public static final String GROUP = "tenants";

    private final TenantViewRepository repository;
    private final QueryUpdateEmitter updates;

    public TenantProjection(TenantViewRepository repository, QueryUpdateEmitter updates) {
        this.repository = repository;
        this.updates = updates;
    }

    @EventHandler
    void on(TenantCreatedEvent event, @SequenceNumber long version) {
        repository.create(new TenantView(event.tenantId(), event.name(), event.slug(), event.plan(),
                TenantStatus.ACTIVE, event.limits(), event.createdAt(), version));
        publish(event.tenantId());
    }

    @EventHandler
    void on(UserAddedEvent event, @SequenceNumber long version) {
        repository.advance(TenantId.of(event.tenantId()), version);
        publish(event.tenantId());
    }

    @QueryHandler
    TenantView handle(FindTenantQuery query) {
        return repository.find(TenantId.of(query.tenantId())).orElse(null);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    private void publish(String tenantId) {
        repository.find(TenantId.of(tenantId)).ifPresent(view ->
                updates.emit(FindTenantQuery.class, query -> query.tenantId().equals(tenantId), view));
    }
}
