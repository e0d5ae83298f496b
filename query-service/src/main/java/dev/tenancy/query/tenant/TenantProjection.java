package dev.tenancy.query.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.*;
import dev.tenancy.api.tenant.query.DomainView;
import dev.tenancy.api.tenant.query.FindTenantQuery;
import dev.tenancy.api.usage.UsagePeriodResetEvent;
import dev.tenancy.api.usage.UsageRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static dev.tenancy.query.tenant.TenantDocuments.*;

/**
 * Projects the tenant aggregate's events into the tenants read model and pushes each new state to waiting readers.
 * Handlers that need the current document (effective features, domains) skip an event the document already
 * reflects; the version-guarded write makes every handler idempotent either way.
 */
@Component
@ProcessingGroup(TenantProjection.GROUP)
public class TenantProjection {

    public static final String GROUP = "tenants";
    static final String AGGREGATE_TYPE = "TenantAggregate";

    private final TenantViewRepository repository;
    private final QueryUpdateEmitter updates;

    public TenantProjection(TenantViewRepository repository, QueryUpdateEmitter updates) {
        this.repository = repository;
        this.updates = updates;
    }

    @EventHandler
    void on(TenantCreatedEvent event, @SequenceNumber long version) {
        repository.create(event, version);
        publish(event.tenantId());
    }

    @EventHandler
    void on(PlanChangedEvent event, @SequenceNumber long version) {
        unapplied(event, version).ifPresent(document -> apply(event, version, List.of(
                set(PLAN, event.plan().name()),
                set(PLAN_RANK, event.plan().ordinal()),
                set(PLAN_LIMITS, LimitsCodec.toDocument(event.planLimits())),
                set(LIMITS, LimitsCodec.toDocument(event.limits())),
                set(FEATURES, featureNames(effectiveFeatures(event.plan(), featureOverrides(document)))),
                set(OVER_LIMIT, OverLimitResources.of(event.limits(), usage(document))))));
    }

    @EventHandler
    void on(LimitsOverriddenEvent event, @SequenceNumber long version) {
        unapplied(event, version).ifPresent(document -> apply(event, version, List.of(
                set(LIMIT_OVERRIDES, LimitsCodec.toDocument(event.overrides())),
                set(LIMITS, LimitsCodec.toDocument(event.limits())),
                set(OVER_LIMIT, OverLimitResources.of(event.limits(), usage(document))))));
    }

    /** A downgrade below what is in use, or a release back under the limit, moves the tenant in or out of the list. */
    @EventHandler
    void on(UsageRecordedEvent event, @SequenceNumber long version) {
        changeUsage(event, version, event.resource(), event.used());
    }

    @EventHandler
    void on(UsagePeriodResetEvent event, @SequenceNumber long version) {
        changeUsage(event, version, event.resource(), 0);
    }

    @EventHandler
    void on(FeaturesOverriddenEvent event, @SequenceNumber long version) {
        Map<Feature, Boolean> overrides = event.overrides() == null ? Map.of() : event.overrides();
        unapplied(event, version).ifPresent(document -> apply(event, version, List.of(
                set(FEATURE_OVERRIDES, featureOverridesDocument(overrides)),
                set(FEATURES, featureNames(effectiveFeatures(plan(document), overrides))))));
    }

    @EventHandler
    void on(TenantSuspendedEvent event, @SequenceNumber long version) {
        apply(event, version, List.of(set(STATUS, TenantStatus.SUSPENDED.name()), set(STATUS_REASON, event.reason())));
    }

    @EventHandler
    void on(TenantActivatedEvent event, @SequenceNumber long version) {
        apply(event, version, List.of(set(STATUS, TenantStatus.ACTIVE.name()), set(STATUS_REASON, null)));
    }

    @EventHandler
    void on(TenantDeletedEvent event, @SequenceNumber long version) {
        apply(event, version, List.of(
                set(STATUS, TenantStatus.DELETED.name()),
                set(STATUS_REASON, event.reason()),
                set(DELETED_AT, date(event.deletedAt())),
                set(RESERVED_UNTIL, date(event.reservedUntil()))));
    }

    @EventHandler
    void on(SettingsChangedEvent event, @SequenceNumber long version) {
        apply(event, version, fieldUpdates(SETTINGS, event.changes()));
    }

    @EventHandler
    void on(BrandingChangedEvent event, @SequenceNumber long version) {
        apply(event, version, fieldUpdates(BRANDING, event.changes()));
    }

    @EventHandler
    void on(DomainRegisteredEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        Document domain = new Document(DOMAIN, event.domain())
                .append(DOMAIN_STATUS, DomainView.PENDING)
                .append(VERIFICATION_TOKEN, event.verificationToken())
                .append(REGISTERED_AT, date(at))
                .append(VERIFIED_AT, null)
                .append(METHOD, null);
        changeDomains(event, version, domains -> {
            domains.removeIf(existing -> event.domain().equals(existing.getString(DOMAIN)));
            domains.add(domain);
            return domains;
        });
    }

    @EventHandler
    void on(DomainVerifiedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changeDomains(event, version, domains -> {
            domains.stream().filter(existing -> event.domain().equals(existing.getString(DOMAIN)))
                    .forEach(existing -> existing.append(DOMAIN_STATUS, DomainView.VERIFIED)
                            .append(VERIFIED_AT, date(at))
                            .append(METHOD, event.method()));
            return domains;
        });
    }

    @EventHandler
    void on(DomainRemovedEvent event, @SequenceNumber long version) {
        changeDomains(event, version, domains -> {
            domains.removeIf(existing -> event.domain().equals(existing.getString(DOMAIN)));
            return domains;
        });
    }

    /**
     * Any other event of the tenant aggregate (a user joining, events added later) still moves the version on, so a
     * reader waiting for the version a command answered is not left waiting for an event this model ignores.
     */
    @EventHandler
    void on(TenantMessage event, DomainEventMessage<?> message) {
        if (AGGREGATE_TYPE.equals(message.getType())) {
            apply(event, message.getSequenceNumber(), List.of());
        }
    }

    @ResetHandler
    void reset() {
        repository.deleteAllTenants();
    }

    private Optional<Document> unapplied(TenantMessage event, long version) {
        return repository.findDocument(TenantId.of(event.tenantId()))
                .filter(document -> ((Number) document.get(VERSION)).longValue() < version);
    }

    private void changeDomains(TenantMessage event, long version, UnaryOperator<List<Document>> change) {
        unapplied(event, version).ifPresent(document -> {
            List<Document> domains = new ArrayList<>(document.getList(DOMAINS, Document.class, List.of()));
            apply(event, version, List.of(set(DOMAINS, change.apply(domains))));
        });
    }

    private void changeUsage(TenantMessage event, long version, Resource resource, long used) {
        unapplied(event, version).ifPresent(document -> {
            Document usage = usage(document).append(resource.key(), used);
            apply(event, version, List.of(set(USAGE, usage),
                    set(OVER_LIMIT, OverLimitResources.of(LimitsCodec.toLimits(document.get(LIMITS, Document.class)),
                            usage))));
        });
    }

    private static List<Bson> fieldUpdates(String container, List<FieldChange> changes) {
        return changes.stream()
                .map(change -> {
                    String field = container + "." + SettingsTree.storageKey(change.field());
                    return change.newValue() == null ? unset(field) : set(field, change.newValue());
                })
                .toList();
    }

    private void apply(TenantMessage event, long version, List<Bson> changes) {
        repository.advance(TenantId.of(event.tenantId()), version, changes);
        publish(event.tenantId());
    }

    /** Reads the view back only for a reader waiting on this tenant (read-your-writes), not for every event. */
    private void publish(String tenantId) {
        boolean awaited = updates.activeSubscriptions().stream().anyMatch(subscription ->
                subscription.getPayload() instanceof FindTenantQuery query && query.tenantId().equals(tenantId));
        if (awaited) {
            repository.find(TenantId.of(tenantId)).ifPresent(view ->
                    updates.emit(FindTenantQuery.class, query -> query.tenantId().equals(tenantId), view));
        }
    }
}
