package dev.tenancy.command.stream;

import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.eventhandling.EventMessage;

/** The tenant an event belongs to: its metadata's tenantId, which the dispatch interceptor took from the payload. */
final class EventTenant {

    private EventTenant() {
    }

    /** The tenant id, or null for an event of no tenant (none exist today). */
    static String of(EventMessage<?> event) {
        Object tenantId = event.getMetaData().get(MetadataKeys.TENANT_ID);
        if (tenantId != null) {
            return tenantId.toString();
        }
        return event.getPayload() instanceof TenantMessage message ? message.tenantId() : null;
    }
}
