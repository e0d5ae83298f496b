package dev.tenancy.command.tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Deletes remembered usage outcomes past the key memory once an hour. Real MongoDB's TTL index does this too; the
 * embedded stand-in has no TTL. A delete by time is harmless when several instances run it, so there is no lease.
 */
@Component
public class UsageOutcomeCleanup {

    private static final Logger log = LoggerFactory.getLogger(UsageOutcomeCleanup.class);
    private final UsageOutcomeStore outcomes;
    private final Clock clock;

    public UsageOutcomeCleanup(UsageOutcomeStore outcomes, Clock clock) {
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tenancy.usage.outcome-cleanup-interval:1h}",
            initialDelayString = "${tenancy.usage.outcome-cleanup-interval:1h}")
    public void scheduled() {
        try {
            outcomes.deleteOlderThan(clock.instant().minus(UsageLedger.KEY_MEMORY));
        } catch (RuntimeException e) {
            log.warn("Deleting old usage outcomes failed; trying again at the next interval", e);
        }
    }
}
