package dev.tenancy.query.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.event.*;
import dev.tenancy.query.QueryServiceTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/branding: a login page's branding, without signing in. */
class PublicBrandingApiTest extends QueryServiceTestSupport {

    @Test
    void brandingOfTheNamedTenantIsPublic() throws Exception {
        String tenantId = tenant("loginpage", "Login Page Inc", Plan.ENTERPRISE, Instant.now());
        append(tenantId, new BrandingChangedEvent(tenantId, List.of(
                new FieldChange("logoUrl", null, "https://cdn.loginpage.test/l.png"),
                new FieldChange("primaryColor", null, "#102030"),
                new FieldChange("secondaryColor", null, "#405060"),
                new FieldChange("customCss", null, ".login{}"))));

        for (HttpResponse<String> response : List.of(get("/api/v1/branding?tenant=loginpage", null),
                get("/api/v1/branding", null, "X-Tenant-Id", tenantId))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = body(response);
            assertThat(body.get("tenant").asText()).isEqualTo("loginpage");
            assertThat(body.get("name").asText()).isEqualTo("Login Page Inc");
            assertThat(body.get("logoUrl").asText()).isEqualTo("https://cdn.loginpage.test/l.png");
            assertThat(body.get("primaryColor").asText()).isEqualTo("#102030");
            assertThat(body.get("secondaryColor").asText()).isEqualTo("#405060");
            assertThat(body.get("customCss").asText()).isEqualTo(".login{}");
        }
    }

    @Test
    void withoutWhiteLabelTheProductsOwnLookIsShown() throws Exception {
        String tenantId = tenant("downgraded", Plan.ENTERPRISE);
        append(tenantId, new BrandingChangedEvent(tenantId, List.of(new FieldChange("logoUrl", null, "x.png"))));
        var starter = PlanCatalog.terms(Plan.STARTER).limits();
        append(tenantId, new PlanChangedEvent(tenantId, Plan.ENTERPRISE, Plan.STARTER, starter, starter));

        JsonNode body = body(get("/api/v1/branding?tenant=downgraded", null));
        assertThat(body.get("tenant").asText()).isEqualTo("downgraded");
        assertThat(body.get("logoUrl").isNull()).isTrue();
    }

    @Test
    void aSuspendedTenantKeepsItsLoginPageAndUnknownOrDeletedOnesHaveNone() throws Exception {
        String suspended = tenant("paused", Plan.FREE);
        append(suspended, new TenantSuspendedEvent(suspended, "billing"));
        assertThat(get("/api/v1/branding?tenant=paused", null).statusCode()).isEqualTo(200);

        String deleted = tenant("removed", Plan.FREE);
        append(deleted, new TenantDeletedEvent(deleted, "closed", Instant.now(), Instant.now()));
        assertThat(problem(get("/api/v1/branding?tenant=removed", null), 404)).isEqualTo("tenant-not-found");
        assertThat(problem(get("/api/v1/branding?tenant=nobody-here", null), 404)).isEqualTo("tenant-not-found");
        assertThat(problem(get("/api/v1/branding", null), 404)).isEqualTo("tenant-not-found");
    }
}
