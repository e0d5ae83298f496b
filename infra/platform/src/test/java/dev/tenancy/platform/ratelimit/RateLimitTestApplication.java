package dev.tenancy.platform.ratelimit;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantRef;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal service with a controllable clock. Any tenant id resolves: its prefix names the plan
 * ({@code starter-...}, {@code enterprise-...}); {@code tiny-...} tenants have a limit of {@value #TINY_LIMIT} calls an
 * hour through the service's own limits lookup, every other tenant gets its plan's limit.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RateLimitTestController.class)
class RateLimitTestApplication {

    static final long TINY_LIMIT = 3;
    private static final Map<String, Plan> PLANS = Map.of("tiny", Plan.STARTER, "starter", Plan.STARTER,
            "enterprise", Plan.ENTERPRISE);

    @Bean
    TestClock clock() {
        return new TestClock(Instant.parse("2030-01-01T10:15:00Z"));
    }

    @Bean
    TenantLimitsLookup tenantLimitsLookup() {
        return tenant -> tenant.id().startsWith("tiny-") ? Optional.of(Quota.of(TINY_LIMIT)) : Optional.empty();
    }

    @Bean
    TenantDirectory tenantDirectory() {
        return new TenantDirectory() {
            @Override
            public Optional<TenantRef> findById(String tenantId) {
                Plan plan = PLANS.get(tenantId.substring(0, Math.max(0, tenantId.indexOf('-'))));
                return Optional.ofNullable(plan).map(p -> new TenantRef(tenantId, tenantId, TenantStatus.ACTIVE,
                        null, p, PlanCatalog.terms(p).features()));
            }

            @Override
            public Optional<TenantRef> findBySlug(String slug) {
                return findById(slug);
            }

            @Override
            public Optional<TenantRef> findByVerifiedDomain(String domain) {
                return Optional.empty();
            }
        };
    }
}
