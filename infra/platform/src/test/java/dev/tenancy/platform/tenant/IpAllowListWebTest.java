package dev.tenancy.platform.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.ratelimit.ApiRateLimitInterceptor;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;
import java.util.Map;

import static dev.tenancy.platform.tenant.Tenants.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The tenant's IP allow-list over real requests: peers are set per request, and only 127.0.0.1 and ::1 are trusted
 * proxies (the platform default), so X-Forwarded-For counts only when the peer is one of them.
 */
class IpAllowListWebTest extends TenantWebTestSupport {

    static final TenantRef FORTRESS = new TenantRef(
            java.util.UUID.nameUUIDFromBytes("fortress".getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
            "fortress", TenantStatus.ACTIVE, null, Plan.FREE, PlanCatalog.effectiveFeatures(Plan.FREE, Map.of()),
            new TenantSecurity(List.of("203.0.113.0/24", "2001:db8::/32"), false, true));
    private static final String OUTSIDE = "198.51.100.23";

    @Autowired
    TenantDirectory directory;

    @BeforeEach
    void registerFortress() {
        ((InMemoryTenantDirectory) directory).put(FORTRESS);
    }

    @Test
    void theTenantsPeopleAreServedFromListedAddressesOfEitherFamily() throws Exception {
        assertResolved(ok(from(asOwnerOf("/api/test/plain", FORTRESS), "203.0.113.7")), FORTRESS);
        assertResolved(ok(from(asOwnerOf("/api/test/plain", FORTRESS), "2001:db8:1::9")), FORTRESS);
        assertResolved(ok(from(asOwnerOf("/api/test/plain", FORTRESS), "::ffff:203.0.113.200")), FORTRESS);
    }

    @Test
    void anUnlistedAddressIsRefusedNamingTheCallerButNeverTheList() throws Exception {
        JsonNode refused = problem(from(asOwnerOf("/api/test/plain", FORTRESS), OUTSIDE), 403, "ip-not-allowed");
        assertThat(refused.get("detail").asText()).contains(OUTSIDE).contains("fortress")
                .doesNotContain("203.0.113").doesNotContain("2001:db8");
        assertThat(refused.toString()).doesNotContain("203.0.113.0/24");
        problem(from(asOwnerOf("/api/test/status", FORTRESS), "2001:db9::1"), 403, "ip-not-allowed");
        var member = new AuthenticatedUser("member-1", FORTRESS.id(), Role.MEMBER, null);
        problem(from(as("/api/test/plain", member), OUTSIDE), 403, "ip-not-allowed");
    }

    @Test
    void aRefusedCallIsNotCountedAgainstTheRateLimit() throws Exception {
        MockHttpServletResponse refused = mvc.perform(from(asOwnerOf("/api/test/plain", FORTRESS), OUTSIDE))
                .andReturn().getResponse();
        MockHttpServletResponse served = mvc.perform(from(asOwnerOf("/api/test/plain", FORTRESS), "203.0.113.7"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getHeader(ApiRateLimitInterceptor.LIMIT_HEADER)).isNull();
        assertThat(served.getHeader(ApiRateLimitInterceptor.LIMIT_HEADER)).isNotNull();
    }

    @Test
    void aChangedListTakesEffectWithTheNextRequest() throws Exception {
        problem(from(asOwnerOf("/api/test/plain", FORTRESS), OUTSIDE), 403, "ip-not-allowed");
        TenantRef moved = new TenantRef(FORTRESS.id(), FORTRESS.slug(), FORTRESS.status(), null, FORTRESS.plan(),
                FORTRESS.features(), new TenantSecurity(List.of("198.51.100.0/24"), false, true));
        ((InMemoryTenantDirectory) directory).put(moved);

        assertResolved(ok(from(asOwnerOf("/api/test/plain", FORTRESS), OUTSIDE)), FORTRESS);
        problem(from(asOwnerOf("/api/test/plain", FORTRESS), "203.0.113.7"), 403, "ip-not-allowed");
    }

    @Test
    void aTrustedProxyPassesTheClientsAddressOn() throws Exception {
        assertResolved(ok(from(asOwnerOf("/api/test/plain", FORTRESS), "127.0.0.1")
                .header("X-Forwarded-For", "203.0.113.7")), FORTRESS);
        assertResolved(ok(from(asOwnerOf("/api/test/plain", FORTRESS), "::1")
                .header("X-Forwarded-For", "203.0.113.7, 127.0.0.1")), FORTRESS);
        JsonNode refused = problem(from(asOwnerOf("/api/test/plain", FORTRESS), "127.0.0.1")
                .header("X-Forwarded-For", OUTSIDE), 403, "ip-not-allowed");
        assertThat(refused.get("detail").asText()).contains(OUTSIDE);
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotGetThrough() throws Exception {
        JsonNode refused = problem(from(asOwnerOf("/api/test/plain", FORTRESS), OUTSIDE)
                .header("X-Forwarded-For", "203.0.113.7"), 403, "ip-not-allowed");
        assertThat(refused.get("detail").asText()).contains(OUTSIDE);
        problem(from(asOwnerOf("/api/test/plain", FORTRESS), OUTSIDE)
                .header("X-Forwarded-For", "203.0.113.7, 127.0.0.1"), 403, "ip-not-allowed");
    }

    @Test
    void superadminsAreExemptAsThemselvesAndWhileImpersonating() throws Exception {
        assertResolved(ok(from(asSuperadmin("/api/test/plain").header(TenantResolver.HEADER, "fortress"), OUTSIDE)),
                FORTRESS);
        var impersonating = new AuthenticatedUser("owner-of-fortress", FORTRESS.id(), Role.OWNER, SUPERADMIN);
        assertResolved(ok(from(as("/api/test/plain", impersonating), OUTSIDE)), FORTRESS);
    }

    @Test
    void publicRoutesAndTenantsWithoutAListAreOpen() throws Exception {
        assertResolved(ok(from(get("/api/test/branding").header(TenantResolver.HEADER, "fortress"), OUTSIDE)),
                FORTRESS);
        assertResolved(ok(from(asOwnerOf("/api/test/plain", ACME), OUTSIDE)), ACME);
    }
}
