package dev.tenancy.command.usage;

import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.api.usage.UsagePeriod;
import dev.tenancy.api.usage.UsagePeriodResetEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Keeps when each tenant's current messagesPerMonth period ends, for the rollover scheduler. Subscribing
 * ({@code axon.eventhandling.processors.usage.mode=subscribing}): written in the unit of work that stored the events.
 * A time zone change does not move the current period's end (the ledger applies it from the next boundary on), so
 * only creation, resets and deletion matter.
 */
@Component
@ProcessingGroup(UsagePeriodProjection.GROUP)
public class UsagePeriodProjection {

    public static final String GROUP = "usage";

    private final UsagePeriodStore store;

    public UsagePeriodProjection(UsagePeriodStore store) {
        this.store = store;
    }

    @EventHandler
    void on(TenantCreatedEvent event, @SequenceNumber long sequence) {
        store.record(event.tenantId(), firstPeriodEnd(event), sequence);
    }

    @EventHandler
    void on(UsagePeriodResetEvent event, @SequenceNumber long sequence) {
        store.record(event.tenantId(), event.periodEnd(), sequence);
    }

    @EventHandler
    void on(TenantDeletedEvent event, @SequenceNumber long sequence) {
        store.deleted(event.tenantId(), sequence);
    }

    static Instant firstPeriodEnd(TenantCreatedEvent event) {
        return UsagePeriod.containing(event.createdAt(), ZoneOffset.UTC, event.createdAt()).end();
    }
}
