package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.SettingsDefaults;
import dev.tenancy.api.tenant.TenantAdminCommand;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.command.*;
import dev.tenancy.api.tenant.event.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One organisation: plan, limits, features, lifecycle, settings, branding, domains and members. Every command answers
 * the aggregate's version after it ran (see {@link #guardStatus}), unchanged when the command changed nothing. A
 * snapshot of another revision is ignored (the tenant is rebuilt from its events), so new state is never missing.
 */
@Aggregate(snapshotTriggerDefinition = "tenantSnapshotTrigger", cache = "tenantCache")
@Revision("2")
public class TenantAggregate {

    /** How long a deleted tenant's slug and domains stay reserved: nobody can take over its links at once. */
    public static final Duration RESERVATION_AFTER_DELETE = Duration.ofDays(90);
    @AggregateIdentifier
    private String tenantId;
    private Plan plan;
    private Limits planLimits;
    private LimitOverrides limitOverrides = LimitOverrides.none();
    private Map<Feature, Boolean> featureOverrides = new EnumMap<>(Feature.class);
    private TenantStatus status;
    private String statusReason;
    private Map<String, Object> settings = new HashMap<>();
    private Map<String, Object> branding = new HashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<String, CustomDomain> domains = new HashMap<>();
    @AggregateMember
    private UsageLedger usage = new UsageLedger();
    @AggregateMember private Impersonations impersonations = new Impersonations();
    @AggregateMember private ApiKeyRing apiKeys = new ApiKeyRing();
    @AggregateMember private TenantCredentials credentials = new TenantCredentials();
    @AggregateMember private TenantMembers members = new TenantMembers();

    protected TenantAggregate() {
    }
    TenantAggregate(CreateTenantCommand command, Instant now) {
        Plan chosen = command.plan() == null ? Plan.FREE : command.plan();
        Limits limits = PlanCatalog.terms(chosen).limits();
        apply(new TenantCreatedEvent(command.tenantId(), command.name(), command.slug(), chosen, limits, now));
        if (command.ownerUserId() != null) {
            TenantMembers.seatOwner(command.tenantId(), command.ownerUserId(), command.ownerEmail(), limits, now);
        }
    }

    @CommandHandler
    void handle(ChangePlanCommand command) {
        Plan requested = CommandInput.plan(command.plan());
        if (requested != plan) {
            Limits newPlanLimits = PlanCatalog.terms(requested).limits();
            apply(new PlanChangedEvent(tenantId, plan, requested, newPlanLimits,
                    limitOverrides.applyTo(newPlanLimits)));
        }
    }

    @CommandHandler
    void handle(OverrideLimitsCommand command) {
        LimitOverrides requested = command.overrides() == null ? LimitOverrides.none() : command.overrides();
        if (!requested.equals(limitOverrides)) {
            apply(new LimitsOverriddenEvent(tenantId, limitOverrides, requested, requested.applyTo(planLimits)));
        }
    }

    @CommandHandler
    void handle(OverrideFeaturesCommand command) {
        Map<Feature, Boolean> requested = CommandInput.features(command.overrides());
        if (!requested.equals(featureOverrides)) {
            apply(new FeaturesOverriddenEvent(tenantId, Map.copyOf(featureOverrides), Map.copyOf(requested)));
        }
    }

    @CommandHandler
    void handle(SuspendTenantCommand command) {
        requireStatus(TenantStatus.ACTIVE, "suspend");
        apply(new TenantSuspendedEvent(tenantId, command.reason()));
    }

    @CommandHandler
    void handle(ActivateTenantCommand command) {
        requireStatus(TenantStatus.SUSPENDED, "activate");
        apply(new TenantActivatedEvent(tenantId, command.reason()));
    }

    @CommandHandler
    DeletionReceipt handle(DeleteTenantCommand command, Clock clock) {
        Instant now = clock.instant();
        Instant reservedUntil = now.plus(RESERVATION_AFTER_DELETE);
        apply(new TenantDeletedEvent(tenantId, command.reason(), now, reservedUntil));
        return new DeletionReceipt(tenantId, now, reservedUntil, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    ChangeReceipt handle(UpdateSettingsCommand command) {
        Map<String, Object> requested = CommandInput.values(command.values());
        CommandInput.checkSettings(settings, requested);
        List<FieldChange> changes = FieldDiff.between(settings, SettingsDefaults.SETTINGS, requested);
        if (!changes.isEmpty()) {
            apply(new SettingsChangedEvent(tenantId, changes));
        }
        return ChangeReceipt.of(changes, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    ChangeReceipt handle(UpdateBrandingCommand command) {
        requireFeature(Feature.WHITE_LABEL);
        Map<String, Object> requested = CommandInput.values(command.values());
        List<FieldChange> changes = FieldDiff.between(branding, SettingsDefaults.BRANDING, requested);
        if (!changes.isEmpty()) {
            apply(new BrandingChangedEvent(tenantId, changes));
        }
        return ChangeReceipt.of(changes, AggregateLifecycle.getVersion());
    }

    /** Claimed before the event is stored, so the registry's unique key decides races; given back on rollback. */
    @CommandHandler
    void handle(RegisterDomainCommand command, DomainRegistry registry) {
        String domain = CommandInput.domain(command);
        if (domains.containsKey(domain)) {
            throw TenantRuleViolation.domainTaken(domain);
        }
        registry.claim(domain, tenantId);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> registry.release(domain, tenantId)));
        apply(new DomainRegisteredEvent(tenantId, domain, command.verificationToken()));
    }

    /**
     * Every command of a deleted tenant is refused as if it did not exist; a suspended tenant keeps only what
     * superadmins do to it (plan, limits, features, lifecycle). Applies to the domain entities' handlers too. A
     * handler that answers nothing answers the aggregate's version, so the API can hand it out for read-your-writes.
     */
    @CommandHandlerInterceptor
    Object guardStatus(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (status == TenantStatus.DELETED) {
            throw TenantRuleViolation.notFound();
        }
        if (status == TenantStatus.SUSPENDED && command.getPayload() instanceof TenantAdminCommand) {
            throw TenantRuleViolation.suspended(statusReason);
        }
        Object result = chain.proceed();
        return result != null ? result : AggregateLifecycle.getVersion();
    }

    private void requireStatus(TenantStatus expected, String action) {
        if (status != expected) {
            throw TenantRuleViolation.invalidTransition(action, status);
        }
    }

    private void requireFeature(Feature feature) {
        if (!PlanCatalog.effectiveFeatures(plan, featureOverrides).contains(feature)) {
            throw TenantRuleViolation.featureMissing(feature, plan);
        }
    }

    @EventSourcingHandler
    void on(TenantCreatedEvent event) {
        tenantId = event.tenantId();
        plan = event.plan();
        planLimits = event.limits();
        status = TenantStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(PlanChangedEvent event) {
        plan = event.plan();
        planLimits = event.planLimits();
    }

    @EventSourcingHandler
    void on(LimitsOverriddenEvent event) {
        limitOverrides = event.overrides();
    }

    @EventSourcingHandler
    void on(FeaturesOverriddenEvent event) {
        featureOverrides = new EnumMap<>(Feature.class);
        featureOverrides.putAll(event.overrides());
    }

    @EventSourcingHandler
    void on(TenantSuspendedEvent event) {
        status = TenantStatus.SUSPENDED;
        statusReason = event.reason();
    }

    @EventSourcingHandler
    void on(TenantActivatedEvent event) {
        status = TenantStatus.ACTIVE;
        statusReason = null;
    }

    @EventSourcingHandler
    void on(TenantDeletedEvent event) {
        status = TenantStatus.DELETED;
        statusReason = event.reason();
    }

    @EventSourcingHandler
    void on(SettingsChangedEvent event) {
        FieldDiff.apply(settings, event.changes());
    }

    @EventSourcingHandler
    void on(BrandingChangedEvent event) {
        FieldDiff.apply(branding, event.changes());
    }

    @EventSourcingHandler
    void on(DomainRegisteredEvent event) {
        domains.put(event.domain(), new CustomDomain(event.domain(), tenantId, event.verificationToken()));
    }

    @EventSourcingHandler
    void on(DomainRemovedEvent event) {
        domains.remove(event.domain());
    }
}
