package dev.tenancy.command.stream;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Keeps each tenant's events in order across segments. Axon's default sequences by aggregate, which is the same while
 * every tenant event lives on the tenant aggregate, but the stream's promise is per tenant (its record key).
 */
final class TenantSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return EventTenant.of(event);
    }
}
