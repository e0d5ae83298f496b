package dev.tenancy.command.directory;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.DomainRemovedEvent;
import dev.tenancy.api.tenant.event.DomainVerifiedEvent;
import dev.tenancy.api.tenant.event.FeaturesOverriddenEvent;
import dev.tenancy.api.tenant.event.LimitsOverriddenEvent;
import dev.tenancy.api.tenant.event.PlanChangedEvent;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import dev.tenancy.api.tenant.event.TenantActivatedEvent;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.tenant.TenantSecurity;
import dev.tenancy.platform.tenant.TenantSecuritySettings;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What request handling needs of one tenant, folded from its events. {@code version} is the sequence number of the
 * last event folded in: every event of the tenant advances it, so a gap shows that an event was missed.
 */
public record DirectoryEntry(String tenantId, String slug, TenantStatus status, String statusReason, Plan plan,
                      Map<Feature, Boolean> featureOverrides, Set<String> verifiedDomains, long version,
                      Quota apiCallsPerHour, TenantSecurity security) {

    public DirectoryEntry {
        featureOverrides = Map.copyOf(featureOverrides);
        verifiedDomains = Set.copyOf(verifiedDomains);
        security = security == null ? TenantSecuritySettings.defaults() : security;
    }

    static DirectoryEntry created(TenantCreatedEvent event, long sequence) {
        return new DirectoryEntry(event.tenantId(), event.slug(), TenantStatus.ACTIVE, null, event.plan(), Map.of(),
                Set.of(), sequence, event.limits().apiCallsPerHour(), TenantSecuritySettings.defaults());
    }

    /** This entry with the event folded in; events this entry does not track only advance the version. */
    DirectoryEntry apply(Object event, long sequence) {
        if (event instanceof PlanChangedEvent changed) {
            return with(status, statusReason, changed.plan(), featureOverrides, verifiedDomains, sequence)
                    .withApiCallsPerHour(changed.limits().apiCallsPerHour());
        }
        if (event instanceof LimitsOverriddenEvent overridden) {
            return with(status, statusReason, plan, featureOverrides, verifiedDomains, sequence)
                    .withApiCallsPerHour(overridden.limits().apiCallsPerHour());
        }
        if (event instanceof FeaturesOverriddenEvent overridden) {
            return with(status, statusReason, plan, overridden.overrides(), verifiedDomains, sequence);
        }
        if (event instanceof TenantSuspendedEvent suspended) {
            return with(TenantStatus.SUSPENDED, suspended.reason(), plan, featureOverrides, verifiedDomains, sequence);
        }
        if (event instanceof TenantActivatedEvent) {
            return with(TenantStatus.ACTIVE, null, plan, featureOverrides, verifiedDomains, sequence);
        }
        if (event instanceof TenantDeletedEvent deleted) {
            return with(TenantStatus.DELETED, deleted.reason(), plan, featureOverrides, verifiedDomains, sequence);
        }
        if (event instanceof DomainVerifiedEvent verified) {
            Set<String> domains = new TreeSet<>(verifiedDomains);
            domains.add(verified.domain());
            return with(status, statusReason, plan, featureOverrides, domains, sequence);
        }
        if (event instanceof DomainRemovedEvent removed) {
            Set<String> domains = new TreeSet<>(verifiedDomains);
            domains.remove(removed.domain());
            return with(status, statusReason, plan, featureOverrides, domains, sequence);
        }
        if (event instanceof SettingsChangedEvent changed) {
            return with(status, statusReason, plan, featureOverrides, verifiedDomains, sequence)
                    .withSecurity(TenantSecuritySettings.apply(security, changed.changes()));
        }
        return with(status, statusReason, plan, featureOverrides, verifiedDomains, sequence);
    }

    TenantRef toRef() {
        return new TenantRef(tenantId, slug, status, statusReason, plan,
                Set.copyOf(PlanCatalog.effectiveFeatures(plan, featureOverrides)), security);
    }

    private DirectoryEntry with(TenantStatus newStatus, String reason, Plan newPlan, Map<Feature, Boolean> overrides,
                                Set<String> domains, long sequence) {
        return new DirectoryEntry(tenantId, slug, newStatus, reason, newPlan, overrides, domains, sequence,
                apiCallsPerHour, security);
    }

    private DirectoryEntry withApiCallsPerHour(Quota quota) {
        return new DirectoryEntry(tenantId, slug, status, statusReason, plan, featureOverrides, verifiedDomains,
                version, quota, security);
    }

    private DirectoryEntry withSecurity(TenantSecurity newSecurity) {
        return new DirectoryEntry(tenantId, slug, status, statusReason, plan, featureOverrides, verifiedDomains,
                version, apiCallsPerHour, newSecurity);
    }
}
