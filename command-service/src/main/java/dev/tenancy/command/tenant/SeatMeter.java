package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.event.LimitsOverriddenEvent;
import dev.tenancy.api.tenant.event.PlanChangedEvent;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.usage.UsagePeriod;
import dev.tenancy.api.usage.UsagePeriodResetEvent;
import dev.tenancy.api.usage.UsageRecordedEvent;
import dev.tenancy.api.usage.UsageThresholdCrossedEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Seats as usage of the users limit. Every seat change is a {@link UsageRecordedEvent} like any usage report, so the
 * ledger's counter, the usage read model and its history follow seats without knowing about invitations. The limit,
 * the marks announced and the period come from the same events the ledger reads; the number of seats in use is the
 * members' to tell (members plus pending invitations).
 */
class SeatMeter {

    /** Every seat change's idempotency key starts with this, followed by the invitation or user it belongs to. */
    static final String KEY_PREFIX = "seat:";
    /** The zone a tenant's first usage period starts in, as in the ledger. */
    private static final ZoneId FIRST_ZONE = ZoneId.of("UTC");

    private String tenantId;
    private Quota quota;
    private Instant periodStart;
    private Set<Integer> announced = new HashSet<>();

    /** Whether {@code more} seats on top of {@code inUse} stay within the users limit. */
    boolean fits(long inUse, long more) {
        return quota.allows(inUse, more);
    }

    Quota quota() {
        return quota;
    }

    /** Counts a change of {@code delta} seats that leaves {@code inUse} seats taken, and the marks it reaches. */
    void count(long delta, long inUse, String key, Instant at) {
        record(tenantId, quota, periodStart, announced, delta, inUse, key, at);
    }

    /** The owner's seat, from the tenant's constructor: no state exists there yet, so it comes from the signup. */
    static void firstSeat(String tenantId, Quota quota, String key, Instant createdAt) {
        Instant start = UsagePeriod.containing(createdAt, FIRST_ZONE, createdAt).start();
        record(tenantId, quota, start, Set.of(), 1, 1, key, createdAt);
    }

    private static void record(String tenantId, Quota quota, Instant periodStart, Set<Integer> announced,
                               long delta, long inUse, String key, Instant at) {
        apply(new UsageRecordedEvent(tenantId, Resource.USERS, delta, inUse, key, at, periodStart, delta));
        if (delta > 0) {
            for (int percent : UsageThresholds.newlyReached(inUse, quota, announced)) {
                apply(new UsageThresholdCrossedEvent(tenantId, Resource.USERS, percent, inUse, quota.max(),
                        periodStart));
            }
        }
    }

    @EventSourcingHandler
    void on(TenantCreatedEvent event) {
        tenantId = event.tenantId();
        quota = event.limits().users();
        periodStart = UsagePeriod.containing(event.createdAt(), FIRST_ZONE, event.createdAt()).start();
    }

    @EventSourcingHandler
    void on(PlanChangedEvent event) {
        quota = event.limits().users();
        announced.clear();
    }

    @EventSourcingHandler
    void on(LimitsOverriddenEvent event) {
        quota = event.limits().users();
        announced.clear();
    }

    @EventSourcingHandler
    void on(UsagePeriodResetEvent event) {
        periodStart = event.periodStart();
    }

    @EventSourcingHandler
    void on(UsageThresholdCrossedEvent event) {
        if (event.resource() == Resource.USERS) {
            announced.add(event.percent());
        }
    }
}
