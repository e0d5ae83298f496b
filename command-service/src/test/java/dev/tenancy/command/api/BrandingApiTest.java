package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.user.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrandingApiTest extends CommandApiTestSupport {

    private static final String BRANDING = "/api/v1/tenants/current/branding";

    @Test
    void withoutWhiteLabelBrandingIsNotAvailableAndNamesThePlanThatHasIt() throws Exception {
        Tenant tenant = signup();
        long before = eventCount();
        JsonNode problem = assertProblem(send("PATCH", BRANDING, tenant.ownerToken(), "{\"primaryColor\":\"#123\"}"),
                403, "feature-not-available");
        assertThat(problem.get("feature").asText()).isEqualTo("WHITE_LABEL");
        assertThat(problem.get("plan").asText()).isEqualTo("FREE");
        assertThat(problem.get("requiredPlan").asText()).isEqualTo("ENTERPRISE");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anEnterpriseTenantBrandsItselfAndClearsAFieldWithNull() throws Exception {
        Tenant tenant = enterprise();
        JsonNode body = ok(send("PATCH", BRANDING, token(tenant, Role.ADMIN), "{\"logoUrl\":\"https://cdn.acme.test/"
                + "logo.png\",\"primaryColor\":\"#1A2B3C\",\"secondaryColor\":\"#fff\",\"customCss\":\"/* brand */ "
                + ".header { background: url('/img/bg.png') no-repeat; color: #fff }\"}"), 200);
        assertThat(body.get("changed")).extracting(JsonNode::asText)
                .containsExactly("customCss", "logoUrl", "primaryColor", "secondaryColor");

        JsonNode cleared = ok(send("PATCH", BRANDING, tenant.ownerToken(), "{\"logoUrl\":null}"), 200);
        assertThat(cleared.get("changed")).extracting(JsonNode::asText).containsExactly("logoUrl");
        assertThat(payload(events(tenant.id()).get(5)).at("/changes/0/newValue").isNull()).isTrue();
    }

    @Test
    void aFeatureOverrideGrantsBrandingBelowEnterprise() throws Exception {
        Tenant tenant = signup();
        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"features\":{\"WHITE_LABEL\":true}}"),
                200);
        ok(send("PATCH", BRANDING, tenant.ownerToken(), "{\"primaryColor\":\"#abcdef\"}"), 200);
    }

    @Test
    void unsafeOrMalformedBrandingIsRefusedNamingTheFieldAndWhy() throws Exception {
        Tenant tenant = enterprise();
        long before = eventCount();
        JsonNode css = assertProblem(send("PATCH", BRANDING, tenant.ownerToken(),
                "{\"customCss\":\"body { background: url(https://evil.test/x.png) }\"}"), 400, "validation-failed",
                "customCss");
        assertThat(css.at("/errors/0/message").asText()).contains("relative paths");
        assertProblem(send("PATCH", BRANDING, tenant.ownerToken(), "{\"customCss\":\"</style><script>x</script>\"}"),
                400, "validation-failed", "customCss");
        assertProblem(send("PATCH", BRANDING, tenant.ownerToken(), "{\"customCss\":\"@import 'x.css';\"}"), 400,
                "validation-failed", "customCss");
        assertProblem(send("PATCH", BRANDING, tenant.ownerToken(), "{\"logoUrl\":\"http://cdn.acme.test/a.png\","
                + "\"primaryColor\":\"red\",\"secondaryColor\":\"#12345\"}"), 400, "validation-failed", "logoUrl",
                "primaryColor", "secondaryColor");
        assertProblem(send("PATCH", BRANDING, tenant.ownerToken(), "{\"logoUrl\":\"/relative.png\"}"), 400,
                "validation-failed", "logoUrl");
        assertProblem(send("PATCH", BRANDING, tenant.ownerToken(), "{\"favicon\":\"x\"}"), 400, "unknown-field",
                "favicon");
        assertProblem(send("PATCH", BRANDING, tenant.ownerToken(), "{\"customCss\":\"a{}" + "b".repeat(20_000)
                + "\"}"), 400, "validation-failed", "customCss");
        assertProblem(send("PATCH", BRANDING, token(tenant, Role.MEMBER), "{\"primaryColor\":\"#123\"}"), 403,
                "forbidden");
        assertThat(eventCount()).isEqualTo(before);
    }

    private Tenant enterprise() throws Exception {
        Tenant tenant = signup();
        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"plan\":\"ENTERPRISE\"}"), 200);
        return tenant;
    }
}
