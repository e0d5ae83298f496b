package dev.tenancy.command.directory;

import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The directory's safety net: the same updates as {@link TenantDirectoryProjection}, from a tracking processor with a
 * token of its own. The subscribing projection gives the directory no lag, but when its update fails the events are
 * already stored, so Axon can only log it (failing the command would report stored changes as not made) and the
 * entry would stay behind until the tenant's next event. This processor retries a failed update until it holds and
 * resumes after a restart; the updates are guarded by the entry's version, so the second application is a no-op.
 */
@Component
@ProcessingGroup(TenantDirectoryCatchUp.GROUP)
public class TenantDirectoryCatchUp {

    public static final String GROUP = "tenant-directory-catch-up";

    private final TenantDirectoryProjection projection;

    public TenantDirectoryCatchUp(TenantDirectoryProjection projection) {
        this.projection = projection;
    }

    @EventHandler
    void on(TenantMessage event, DomainEventMessage<?> message) {
        projection.fold(event, message, true);
    }
}
