package dev.tenancy.command.tenant;

import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.event.LimitsOverriddenEvent;
import dev.tenancy.api.tenant.event.PlanChangedEvent;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import dev.tenancy.api.tenant.event.TenantActivatedEvent;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.usage.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The tenant's usage: counters, the monthly period, thresholds reached and recent idempotency keys. Part of the
 * tenant aggregate, so checking a limit and counting against it is one decision, serialized per tenant.
 * <p>
 * Only the last {@link #RECENT_KEYS} keys stay in the aggregate, so snapshots keep a bounded size; every outcome is
 * also written to the {@link UsageOutcomeStore} once its events are stored. A repeated key is therefore found either
 * in the recent set (exact and event-sourced; it covers a crash between storing the events and writing the store,
 * for the tenant's last {@value #RECENT_KEYS} reports) or in the store (everything older, for the key memory).
 */
class UsageLedger {

    /** Idempotency keys are answered for at least 24 hours; they are forgotten after this, as events arrive. */
    static final Duration KEY_MEMORY = Duration.ofHours(48);
    /** How many of the latest keys the aggregate itself remembers. */
    static final int RECENT_KEYS = 1_000;

    private String tenantId;
    private Limits limits;
    private Instant anchor;
    private String zone = "UTC";
    private boolean suspended;
    private UsagePeriod period;
    private Map<Resource, Long> used = new EnumMap<>(Resource.class);
    private Map<Resource, Set<Integer>> crossed = new EnumMap<>(Resource.class);
    private Map<String, UsageOutcome> outcomes = new HashMap<>();
    private Map<String, Instant> keyTimes = new LinkedHashMap<>();
    private Set<Instant> recordedHours = new HashSet<>();

    @CommandHandler
    UsageOutcome handle(RecordUsageCommand command, Clock clock, UsageOutcomeStore store) {
        List<DecidedOutcome> decided = new ArrayList<>(1);
        UsageOutcome outcome = decideOnce(command, MetaData.emptyInstance(), clock, key -> store.find(tenantId, key)
                .orElse(null), decided);
        keep(decided, store);
        return outcome;
    }

    /**
     * Every report is decided as if sent alone; a refusal by the tenant's rules answers only for its own report. The
     * outcome store is asked once for all keys this aggregate no longer remembers, and written once.
     */
    @CommandHandler
    List<BatchedUsageDecision> handle(RecordUsageBatchCommand command, Clock clock, UsageOutcomeStore store) {
        Map<String, UsageOutcome> stored = store.findAll(tenantId, command.reports().stream()
                .map(BatchedUsageReport::idempotencyKey).filter(key -> key != null && !outcomes.containsKey(key))
                .toList());
        List<DecidedOutcome> decided = new ArrayList<>(command.reports().size());
        List<BatchedUsageDecision> decisions = new ArrayList<>(command.reports().size());
        for (BatchedUsageReport report : command.reports()) {
            try {
                decisions.add(BatchedUsageDecision.decided(decideOnce(report.toCommand(tenantId),
                        MetaData.from(report.trace()), clock, stored::get, decided)));
            } catch (TenantRuleViolation refusal) {
                decisions.add(BatchedUsageDecision.refused(refusal));
            }
        }
        keep(decided, store);
        return decisions;
    }

    private UsageOutcome decideOnce(RecordUsageCommand command, MetaData trace, Clock clock,
                                    Function<String, UsageOutcome> storedOutcome, List<DecidedOutcome> decided) {
        UsageRules.check(command);
        String key = command.idempotencyKey();
        UsageOutcome earlier = outcomes.containsKey(key) ? outcomes.get(key) : storedOutcome.apply(key);
        if (earlier != null) {
            return earlier.asReplay();
        }
        UsageOutcome outcome = decide(command, trace, clock);
        decided.add(new DecidedOutcome(key, outcome, clock.instant()));
        return outcome;
    }

    /** Only once the events are stored: the store must never answer for a report that was not counted. */
    private void keep(List<DecidedOutcome> decided, UsageOutcomeStore store) {
        CurrentUnitOfWork.get().afterCommit(unit -> store.saveAll(tenantId, decided));
    }

    private UsageOutcome decide(RecordUsageCommand command, MetaData trace, Clock clock) {
        rollover(clock.instant(), trace);
        Resource resource = command.resource();
        long current = used.getOrDefault(resource, 0L);
        Quota quota = limits.quota(resource);
        Instant occurredAt = command.occurredAt() != null ? command.occurredAt() : clock.instant();
        if (command.delta() > 0 && suspended) {
            throw TenantRuleViolation.suspended("usage cannot grow while the tenant is suspended");
        }
        if (command.delta() > 0 && !quota.allows(current, command.delta())) {
            apply(new UsageRefusedEvent(tenantId, resource, command.delta(), current, quota,
                    command.idempotencyKey(), occurredAt, "limit-exceeded"), trace);
            return outcomes.get(command.idempotencyKey());
        }
        long applied = Math.max(command.delta(), -current);
        apply(new UsageRecordedEvent(tenantId, resource, applied, current + applied, command.idempotencyKey(),
                occurredAt, period.start(), command.delta()), trace);
        if (applied > 0) {
            checkThresholds(resource, current + applied, quota, trace);
        }
        return outcomes.get(command.idempotencyKey());
    }

    @CommandHandler
    void handle(RecordApiCallsCommand command) {
        if (!recordedHours.contains(command.hourStart()) && command.count() > 0) {
            apply(new ApiCallsRecordedEvent(tenantId, command.hourStart(), command.count()));
            Quota quota = limits.apiCallsPerHour();
            // every hour is a fresh count, so every hour may announce its marks
            for (int percent : UsageThresholds.newlyReached(command.count(), quota, Set.of())) {
                apply(new UsageThresholdCrossedEvent(tenantId, Resource.API_CALLS_PER_HOUR, percent,
                        command.count(), quota.max(), command.hourStart()));
            }
        }
    }

    @CommandHandler
    void handle(RolloverUsagePeriodCommand command, Clock clock) {
        rollover(clock.instant(), MetaData.emptyInstance());
    }

    /** One reset event per boundary passed, so an idle tenant's history still shows every period. */
    private void rollover(Instant now, MetaData trace) {
        while (!now.isBefore(period.end())) {
            UsagePeriod next = period.next(anchor, ZoneId.of(zone));
            apply(new UsagePeriodResetEvent(tenantId, Resource.MESSAGES_PER_MONTH, period.start(),
                    used.getOrDefault(Resource.MESSAGES_PER_MONTH, 0L), next.start(), next.end()), trace);
        }
    }

    private void checkThresholds(Resource resource, long total, Quota quota, MetaData trace) {
        for (int percent : UsageThresholds.newlyReached(total, quota, crossed.getOrDefault(resource, Set.of()))) {
            apply(new UsageThresholdCrossedEvent(tenantId, resource, percent, total, quota.max(), period.start()),
                    trace);
        }
    }

    @EventSourcingHandler
    void on(TenantCreatedEvent event) {
        tenantId = event.tenantId();
        limits = event.limits();
        anchor = event.createdAt();
        period = UsagePeriod.containing(anchor, ZoneId.of(zone), anchor);
    }

    @EventSourcingHandler
    void on(PlanChangedEvent event) {
        limits = event.limits();
        crossed.clear();
    }

    @EventSourcingHandler
    void on(LimitsOverriddenEvent event) {
        limits = event.limits();
        crossed.clear();
    }

    /** The period follows the tenant's time zone from the next boundary on; the current one keeps its dates. */
    @EventSourcingHandler
    void on(SettingsChangedEvent event) {
        event.changes().stream().filter(change -> change.field().equals("timezone"))
                .forEach(change -> zone = String.valueOf(change.newValue()));
    }

    @EventSourcingHandler
    void on(TenantSuspendedEvent event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(TenantActivatedEvent event) {
        suspended = false;
    }

    @EventSourcingHandler
    void on(UsageRecordedEvent event, @Timestamp Instant at) {
        used.put(event.resource(), event.used());
        remember(event.idempotencyKey(), new UsageOutcome(tenantId, event.resource(), true, event.requested(),
                event.delta(), event.used(), limits.quota(event.resource()), null, false), at);
    }

    @EventSourcingHandler
    void on(UsageRefusedEvent event, @Timestamp Instant at) {
        remember(event.idempotencyKey(), new UsageOutcome(tenantId, event.resource(), false, event.delta(), 0,
                event.used(), event.limit(), event.reason(), false), at);
    }

    @EventSourcingHandler
    void on(UsagePeriodResetEvent event) {
        used.put(event.resource(), 0L);
        crossed.remove(event.resource());
        period = new UsagePeriod(event.periodStart(), event.periodEnd());
    }

    @EventSourcingHandler
    void on(UsageThresholdCrossedEvent event) {
        if (event.resource() != Resource.API_CALLS_PER_HOUR) {
            crossed.computeIfAbsent(event.resource(), r -> new HashSet<>()).add(event.percent());
        }
    }

    @EventSourcingHandler
    void on(ApiCallsRecordedEvent event) {
        recordedHours.add(event.hourStart());
        recordedHours.removeIf(hour -> hour.isBefore(event.hourStart().minus(KEY_MEMORY)));
    }

    private void remember(String key, UsageOutcome outcome, Instant at) {
        KeyMemory.remember(outcomes, keyTimes, key, outcome, at, KEY_MEMORY, RECENT_KEYS);
    }

    int rememberedKeys() {
        return outcomes.size();
    }
}
