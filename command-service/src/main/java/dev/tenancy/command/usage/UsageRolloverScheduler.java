package dev.tenancy.command.usage;

import dev.tenancy.api.usage.RolloverUsagePeriodCommand;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Starts the new messagesPerMonth period of every tenant whose period has ended, so resets (and their events) happen
 * on time even for idle tenants. Only the lease holder works; the aggregate does nothing for a boundary it already
 * passed, and rolls over by itself on the next report, so a reset is never doubled and never skipped.
 */
@Component
@ConditionalOnProperty(name = "tenancy.usage.rollover.enabled", havingValue = "true", matchIfMissing = true)
public class UsageRolloverScheduler {

    private static final Logger log = LoggerFactory.getLogger(UsageRolloverScheduler.class);
    private static final int BATCH = 1_000;

    private final UsagePeriodStore periods;
    private final UsageRolloverLease lease;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration leaseDuration;
    private final String owner = "command-service/" + UUID.randomUUID();
    private boolean backfilled;

    public UsageRolloverScheduler(UsagePeriodStore periods, UsageRolloverLease lease, CommandGateway commands,
            Clock clock, @Value("${tenancy.usage.rollover-interval:60s}") Duration interval) {
        this.periods = periods;
        this.lease = lease;
        this.commands = commands;
        this.clock = clock;
        this.leaseDuration = interval.multipliedBy(3).compareTo(Duration.ofMinutes(1)) < 0
                ? Duration.ofMinutes(1) : interval.multipliedBy(3);
    }

    @Scheduled(fixedDelayString = "${tenancy.usage.rollover-interval:60s}",
            initialDelayString = "${tenancy.usage.rollover-interval:60s}")
    public void scheduled() {
        try {
            rollOver();
        } catch (RuntimeException e) {
            log.warn("Usage rollover failed; trying again at the next interval", e);
        }
    }

    /** One round: answers how many tenants were sent a rollover, or -1 when another instance holds the lease. */
    public synchronized int rollOver() {
        Instant now = clock.instant();
        if (!lease.acquire(UsageRolloverLease.ROLLOVER, owner, now, leaseDuration)) {
            return -1;
        }
        if (!backfilled) {
            periods.missing().forEach(periods::rebuild);
            backfilled = true;
        }
        List<String> due = periods.due(now, BATCH);
        for (String tenantId : due) {
            rollOver(tenantId, now);
        }
        return due.size();
    }

    /** An entry still behind afterwards missed an event (or the tenant is gone): folded again from the events. */
    private void rollOver(String tenantId, Instant now) {
        try {
            CallContextHolder.callAs(CallContext.system(tenantId),
                    () -> commands.sendAndWait(new RolloverUsagePeriodCommand(tenantId)));
        } catch (RuntimeException e) {
            if (UsageRefusals.reason(e).isEmpty()) {
                log.warn("Usage rollover of tenant {} failed; trying again at the next interval", tenantId, e);
                return;
            }
        }
        if (periods.periodEnd(tenantId).filter(end -> !end.isAfter(now)).isPresent()) {
            periods.rebuild(tenantId);
        }
    }
}
