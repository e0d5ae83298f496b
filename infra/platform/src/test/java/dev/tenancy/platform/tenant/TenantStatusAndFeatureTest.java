package dev.tenancy.platform.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.junit.jupiter.api.Test;

import static dev.tenancy.platform.tenant.Tenants.ACME;
import static dev.tenancy.platform.tenant.Tenants.FROZEN;
import static dev.tenancy.platform.tenant.Tenants.GLOBEX;
import static dev.tenancy.platform.tenant.Tenants.GONE;
import static dev.tenancy.platform.tenant.Tenants.INITECH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class TenantStatusAndFeatureTest extends TenantWebTestSupport {

    @Test
    void aSuspendedTenantsUsersGetOnlyTheRoutesAllowedWhenSuspended() throws Exception {
        JsonNode refused = problem(asOwnerOf("/api/test/plain", FROZEN), 403, "tenant-suspended");
        assertThat(refused.get("reason").asText()).isEqualTo("unpaid invoice");
        assertThat(refused.get("detail").asText()).contains("frozen").contains("unpaid invoice");
        problem(get("/api/test/branding").header("Host", "frozen.localhost"), 403, "tenant-suspended");

        assertResolved(ok(asOwnerOf("/api/test/status", FROZEN)), FROZEN);
    }

    @Test
    void superadminsStillReachASuspendedTenant() throws Exception {
        assertResolved(ok(asSuperadmin("/api/test/plain").header(TenantResolver.HEADER, "frozen")), FROZEN);
        var impersonating = new AuthenticatedUser("owner-of-frozen", FROZEN.id(), Role.OWNER, SUPERADMIN);
        assertResolved(ok(as("/api/test/plain", impersonating)), FROZEN);
    }

    @Test
    void aDeletedTenantIsNotFoundForEveryone() throws Exception {
        problem(asOwnerOf("/api/test/status", GONE), 404, "tenant-not-found");
        JsonNode forSuperadmin = problem(asSuperadmin("/api/test/plain").header(TenantResolver.HEADER, "gone"), 404,
                "tenant-not-found");
        assertThat(forSuperadmin.get("tried").toString()).contains("header X-Tenant-Id=gone");
        problem(get("/api/test/branding?tenant=gone"), 404, "tenant-not-found");
    }

    @Test
    void superadminsMayNameADeletedTenantOnlyWhereItsHistoryIsTheSubject() throws Exception {
        assertResolved(ok(asSuperadmin("/api/test/history?tenant=gone")), GONE);
        problem(asSuperadmin("/api/test/plain?tenant=gone"), 404, "tenant-not-found");
        problem(asOwnerOf("/api/test/history", GONE), 404, "tenant-not-found");
    }

    @Test
    void aRouteRequiringAFeatureTheTenantLacksIsForbiddenNamingThePlanThatHasIt() throws Exception {
        JsonNode body = problem(asOwnerOf("/api/test/ab-tests", ACME), 403, "feature-not-available");
        assertThat(body.get("feature").asText()).isEqualTo("AB_TESTING");
        assertThat(body.get("plan").asText()).isEqualTo("FREE");
        assertThat(body.get("requiredPlan").asText()).isEqualTo("PROFESSIONAL");
        assertThat(body.get("detail").asText())
                .contains("upgrade to PROFESSIONAL or ask a superadmin to enable it");

        assertResolved(ok(asOwnerOf("/api/test/ab-tests", GLOBEX)), GLOBEX);
    }

    @Test
    void aFeatureSwitchedOffDespiteThePlanSaysSo() throws Exception {
        JsonNode body = problem(asOwnerOf("/api/test/ab-tests", INITECH), 403, "feature-not-available");
        assertThat(body.get("plan").asText()).isEqualTo("PROFESSIONAL");
        assertThat(body.get("requiredPlan").asText()).isEqualTo("PROFESSIONAL");
        assertThat(body.get("detail").asText()).contains("switched off").doesNotContain("upgrade");
    }

    @Test
    void codeCanRequireAFeatureWithoutTheAnnotation() throws Exception {
        JsonNode body = problem(asOwnerOf("/api/test/white-label", GLOBEX), 403, "feature-not-available");
        assertThat(body.get("feature").asText()).isEqualTo("WHITE_LABEL");
        assertThat(body.get("requiredPlan").asText()).isEqualTo("ENTERPRISE");
    }

    @Test
    void theFeatureGuardNeedsATenant() throws Exception {
        JsonNode body = problem(asSuperadmin("/api/test/ab-tests"), 404, "tenant-not-found");
        assertThat(body.get("tried")).isEmpty();
    }
}
