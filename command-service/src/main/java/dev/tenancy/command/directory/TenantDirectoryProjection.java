package dev.tenancy.command.directory;

import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.tenant.event.DomainRemovedEvent;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.command.tenant.DomainRegistry;
import dev.tenancy.command.tenant.SlugRegistry;
import dev.tenancy.command.tenant.TenantAggregate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the command side's tenant directory and name registries in step with the tenant events. It runs in a
 * subscribing processor ({@code axon.eventhandling.processors.tenant-directory.mode=subscribing}), that is in the unit
 * of work that stored the events, right after they were appended: what the directory says is what the aggregate
 * decided, with no lag, and nothing here happens for events that were not stored. The events of one unit of work are
 * folded into the entry in memory and written once ({@link DirectoryFold}). An event the entry already reflects
 * changes nothing, so {@link TenantDirectoryCatchUp} may deliver it again.
 */
@Component
@ProcessingGroup(TenantDirectoryProjection.GROUP)
public class TenantDirectoryProjection {

    public static final String GROUP = "tenant-directory";
    private static final String AGGREGATE_TYPE = TenantAggregate.class.getSimpleName();

    private final TenantDirectoryStore store;
    private final SlugRegistry slugs;
    private final DomainRegistry domains;

    public TenantDirectoryProjection(TenantDirectoryStore store, SlugRegistry slugs, DomainRegistry domains) {
        this.store = store;
        this.slugs = slugs;
        this.domains = domains;
    }

    @EventHandler
    void on(TenantMessage event, DomainEventMessage<?> message) {
        fold(event, message, false);
    }

    /** {@code failuresPropagate}: see {@link DirectoryFold#of}. */
    void fold(TenantMessage event, DomainEventMessage<?> message, boolean failuresPropagate) {
        if (!AGGREGATE_TYPE.equals(message.getType())) {
            return;
        }
        DirectoryFold fold = DirectoryFold.of(event.tenantId(), store, failuresPropagate);
        if (store.reflects(fold.entry(), message.getSequenceNumber())) {
            return;
        }
        // the registries first: should the entry's write fail, the catch-up processor does both again
        if (event instanceof TenantDeletedEvent deleted) {
            slugs.reserveUntil(TenantId.of(deleted.tenantId()), deleted.reservedUntil());
            domains.reserveUntil(deleted.tenantId(), deleted.reservedUntil());
        } else if (event instanceof DomainRemovedEvent removed) {
            domains.release(removed.domain(), removed.tenantId());
        }
        fold.advance(store.fold(event.tenantId(), event, message.getSequenceNumber(), fold.entry()));
    }
}
