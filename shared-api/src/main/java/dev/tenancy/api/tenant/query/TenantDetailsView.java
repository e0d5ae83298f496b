package dev.tenancy.api.tenant.query;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the read model knows of a tenant: the {@link TenantView} fields plus its settings (nested, defaults
 * filled in, secrets masked), branding and custom domains.
 */
public record TenantDetailsView(
        String id,
        String name,
        String slug,
        Plan plan,
        TenantStatus status,
        String statusReason,
        Limits limits,
        Limits planLimits,
        LimitOverrides limitOverrides,
        List<Feature> features,
        Map<Feature, Boolean> featureOverrides,
        List<String> overLimit,
        Instant createdAt,
        Instant deletedAt,
        Instant reservedUntil,
        long version,
        Map<String, Object> settings,
        BrandingView branding,
        List<DomainView> domains) {

    public static TenantDetailsView of(TenantView tenant, Map<String, Object> settings, BrandingView branding,
                                       List<DomainView> domains) {
        return new TenantDetailsView(tenant.id(), tenant.name(), tenant.slug(), tenant.plan(), tenant.status(),
                tenant.statusReason(), tenant.limits(), tenant.planLimits(), tenant.limitOverrides(),
                tenant.features(), tenant.featureOverrides(), tenant.overLimit(), tenant.createdAt(),
                tenant.deletedAt(), tenant.reservedUntil(), tenant.version(), settings, branding, domains);
    }

    public TenantView summary() {
        return new TenantView(id, name, slug, plan, status, statusReason, limits, planLimits, limitOverrides,
                features, featureOverrides, overLimit, createdAt, deletedAt, reservedUntil, version);
    }
}
