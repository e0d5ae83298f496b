package dev.tenancy.platform.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.TenantStatus;

import java.util.List;
import java.util.Map;

/** The tenants the web tests resolve. */
final class Tenants {

    static final TenantRef ACME = tenant("acme", Plan.FREE, TenantStatus.ACTIVE, null, Map.of());
    static final TenantRef GLOBEX = tenant("globex", Plan.PROFESSIONAL, TenantStatus.ACTIVE, null, Map.of());
    /** Has the plan for A/B testing, but a superadmin switched it off. */
    static final TenantRef INITECH = tenant("initech", Plan.PROFESSIONAL, TenantStatus.ACTIVE, null,
            Map.of(Feature.AB_TESTING, false));
    static final TenantRef FROZEN = tenant("frozen", Plan.STARTER, TenantStatus.SUSPENDED, "unpaid invoice",
            Map.of());
    static final TenantRef GONE = tenant("gone", Plan.FREE, TenantStatus.DELETED, null, Map.of());
    static final TenantRef SOLO = tenant("solo", Plan.ENTERPRISE, TenantStatus.ACTIVE, null, Map.of());
    /** Requires a second factor of its users. */
    static final TenantRef VAULT = withSecurity(tenant("vault", Plan.PROFESSIONAL, TenantStatus.ACTIVE, null,
            Map.of()), new TenantSecurity(List.of(), true, true));
    static final String ACME_DOMAIN = "shop.acme-corp.com";

    private Tenants() {
    }

    static InMemoryTenantDirectory directory() {
        return new InMemoryTenantDirectory().put(ACME).put(GLOBEX).put(INITECH).put(FROZEN).put(GONE).put(SOLO)
                .put(VAULT)
                .verifiedDomain(ACME_DOMAIN, ACME);
    }

    private static TenantRef withSecurity(TenantRef tenant, TenantSecurity security) {
        return new TenantRef(tenant.id(), tenant.slug(), tenant.status(), tenant.statusReason(), tenant.plan(),
                tenant.features(), security);
    }

    private static TenantRef tenant(String slug, Plan plan, TenantStatus status, String reason,
                                    Map<Feature, Boolean> overrides) {
        String id = java.util.UUID.nameUUIDFromBytes(slug.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        return new TenantRef(id, slug, status, reason, plan, PlanCatalog.effectiveFeatures(plan, overrides));
    }
}
