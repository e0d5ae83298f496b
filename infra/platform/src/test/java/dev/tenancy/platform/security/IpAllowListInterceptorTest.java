package dev.tenancy.platform.security;

import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.tenant.TenantSecurity;
import dev.tenancy.platform.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whom a tenant's allow-list binds, as the interceptor and the sign-in route ask it. */
class IpAllowListInterceptorTest {

    private static final TenantRef LISTED = tenant(List.of("203.0.113.0/24"));
    private static final TenantRef OPEN = tenant(List.of());

    private static TenantRef tenant(List<String> allowList) {
        return new TenantRef("t-1", "acme", TenantStatus.ACTIVE, null, Plan.FREE, Set.of(),
                new TenantSecurity(allowList, false, true));
    }

    @Test
    void bindsTheTenantsPeopleAndApiKeys() {
        assertThat(IpAllowListInterceptor.bindsTo(LISTED, new AuthenticatedUser("u", "t-1", Role.MEMBER, null)))
                .isTrue();
        var apiKey = new AuthenticatedUser("key-1", "t-1", Role.ADMIN, null, ActorKind.API_KEY, Set.of("read"),
                false);
        assertThat(IpAllowListInterceptor.bindsTo(LISTED, apiKey)).isTrue();
        assertThatThrownBy(() -> IpAllowListInterceptor.check(LISTED, apiKey, "198.51.100.1"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("ip-not-allowed"));
        assertThatCode(() -> IpAllowListInterceptor.check(LISTED, apiKey, "203.0.113.1")).doesNotThrowAnyException();
    }

    @Test
    void superadminsImpersonatorsAnonymousCallersAndOpenTenantsAreNotBound() {
        assertThat(IpAllowListInterceptor.bindsTo(LISTED, new AuthenticatedUser("root", null, Role.SUPERADMIN, null)))
                .isFalse();
        assertThat(IpAllowListInterceptor.bindsTo(LISTED, new AuthenticatedUser("o", "t-1", Role.OWNER, "root")))
                .isFalse();
        assertThat(IpAllowListInterceptor.bindsTo(LISTED, null)).isFalse();
        assertThat(IpAllowListInterceptor.bindsTo(OPEN, new AuthenticatedUser("u", "t-1", Role.OWNER, null)))
                .isFalse();
        assertThatCode(() -> IpAllowListInterceptor.check(LISTED, null, "198.51.100.1")).doesNotThrowAnyException();
    }

    @Test
    void aCallerWithoutAKnownAddressIsRefusedByAList() {
        var owner = new AuthenticatedUser("u", "t-1", Role.OWNER, null);
        assertThatThrownBy(() -> IpAllowListInterceptor.check(LISTED, owner, null))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage())
                        .contains("an unknown address").doesNotContain("203.0.113"));
    }
}
