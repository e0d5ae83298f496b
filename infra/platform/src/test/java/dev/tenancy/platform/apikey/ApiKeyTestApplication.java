package dev.tenancy.platform.apikey;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.platform.ratelimit.TenantLimitsLookup;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantRef;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.util.Map;
import java.util.Optional;

/**
 * A minimal service with the platform's auto-configuration and a few routes. Its tenants: {@code keyed} and
 * {@code other} on Starter (API access), {@code free} on Free (none), {@code tiny} on Starter with a limit of
 * {@value #TINY_LIMIT} API calls an hour.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ApiKeyTestController.class)
class ApiKeyTestApplication {

    static final long TINY_LIMIT = 2;
    static final TenantRef KEYED = tenant("keyed", Plan.STARTER);
    static final TenantRef OTHER = tenant("other", Plan.STARTER);
    static final TenantRef FREE = tenant("free", Plan.FREE);
    static final TenantRef TINY = tenant("tiny", Plan.STARTER);
    private static final Map<String, TenantRef> TENANTS = Map.of(KEYED.id(), KEYED, OTHER.id(), OTHER,
            FREE.id(), FREE, TINY.id(), TINY);

    @Bean
    TenantLimitsLookup tenantLimitsLookup() {
        return tenant -> tenant.id().equals(TINY.id()) ? Optional.of(Quota.of(TINY_LIMIT)) : Optional.empty();
    }

    @Bean
    TenantDirectory tenantDirectory() {
        return new TenantDirectory() {
            @Override
            public Optional<TenantRef> findById(String tenantId) {
                return Optional.ofNullable(TENANTS.get(tenantId));
            }

            @Override
            public Optional<TenantRef> findBySlug(String slug) {
                return TENANTS.values().stream().filter(t -> t.slug().equals(slug)).findFirst();
            }

            @Override
            public Optional<TenantRef> findByVerifiedDomain(String domain) {
                return Optional.empty();
            }
        };
    }

    private static TenantRef tenant(String slug, Plan plan) {
        return new TenantRef("id-" + slug, slug, TenantStatus.ACTIVE, null, plan, PlanCatalog.terms(plan).features());
    }
}
