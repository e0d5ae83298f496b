package dev.tenancy.platform.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.Authentication;
import dev.tenancy.platform.security.SecondFactorInterceptor;
import dev.tenancy.platform.web.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import java.util.Set;

import static dev.tenancy.platform.tenant.Tenants.ACME;
import static dev.tenancy.platform.tenant.Tenants.VAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** A tenant requiring a second factor: its users without one get only the routes that let them set it up. */
class SecondFactorEnforcementTest extends TenantWebTestSupport {

    private final AuthenticatedUser passwordOnly = new AuthenticatedUser("member-of-vault", VAULT.id(), Role.MEMBER,
            null);

    @Test
    void aUserWhoseSignInHadNoSecondFactorGetsOnlyTheRoutesAllowedWithoutIt() throws Exception {
        JsonNode refused = problem(as("/api/test/plain", passwordOnly), 403, "two-factor-required");
        assertThat(refused.get("detail").asText()).contains("vault").contains("/api/v1/auth/2fa/enroll");
        problem(as("/api/test/ab-tests", passwordOnly), 403, "two-factor-required");

        assertResolved(ok(as("/api/test/setup", passwordOnly)), VAULT);
    }

    @Test
    void aUserWhoPassedASecondFactorGetsEverything() throws Exception {
        assertResolved(ok(as("/api/test/plain", passwordOnly.withSecondFactor(true))), VAULT);
    }

    @Test
    void tenantsThatDoNotRequireItAreNotAffected() throws Exception {
        assertResolved(ok(asOwnerOf("/api/test/plain", ACME)), ACME);
    }

    @Test
    void superadminsDirectlyOrImpersonatingAnswerToThePlatformsRules() throws Exception {
        assertResolved(ok(asSuperadmin("/api/test/plain").header(TenantResolver.HEADER, "vault")), VAULT);
        var impersonating = new AuthenticatedUser("owner-of-vault", VAULT.id(), Role.OWNER, SUPERADMIN);
        assertResolved(ok(as("/api/test/plain", impersonating)), VAULT);
    }

    @Test
    void publicRoutesNeedNoSecondFactorEvenWithAToken() throws Exception {
        assertResolved(ok(get("/api/test/branding").header("Host", "vault.localhost")), VAULT);
        assertResolved(ok(as("/api/test/branding", passwordOnly)), VAULT);
    }

    /** API keys are not built from access tokens, so the rule is checked on the interceptor directly. */
    @Test
    void apiKeysAreHeldToTheirScopesNotToTheSecondFactor() throws Exception {
        HandlerMethod plain = new HandlerMethod(new TenantTestController(),
                TenantTestController.class.getDeclaredMethod("plain"));
        var interceptor = new SecondFactorInterceptor();
        var apiKey = new AuthenticatedUser("key-1", VAULT.id(), Role.ADMIN, null, ActorKind.API_KEY,
                Set.of("tenants:read"), false);

        assertThat(interceptor.preHandle(request(apiKey), new MockHttpServletResponse(), plain)).isTrue();
        assertThatThrownBy(() -> interceptor.preHandle(request(passwordOnly), new MockHttpServletResponse(), plain))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.code()).isEqualTo("two-factor-required"));
    }

    private static MockHttpServletRequest request(AuthenticatedUser user) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/test/plain");
        Authentication.accept(request, user);
        CurrentTenant.set(request, VAULT);
        return request;
    }
}
