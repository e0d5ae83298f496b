package dev.tenancy.platform.tenant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static dev.tenancy.platform.tenant.Tenants.ACME;
import static dev.tenancy.platform.tenant.Tenants.SOLO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"tenancy.multi-tenant=false", "tenancy.default-tenant-slug=solo",
        "tenancy.tenant-debug=true"})
class SingleTenantModeTest extends TenantWebTestSupport {

    @Test
    void everyRequestBelongsToTheDefaultTenantWhateverItNames() throws Exception {
        assertResolved(ok(get("/api/test/branding")), SOLO);
        assertResolved(ok(get("/api/test/branding?tenant=acme").header("Host", "acme.localhost")
                .header(TenantResolver.HEADER, "acme")), SOLO);
        assertResolved(ok(asSuperadmin("/api/test/plain")), SOLO);
    }

    @Test
    void aTokenMustStillBelongToTheDefaultTenant() throws Exception {
        assertResolved(ok(asOwnerOf("/api/test/plain", SOLO)), SOLO);
        problem(asOwnerOf("/api/test/plain", ACME), 403, "tenant-mismatch");
    }

    @Test
    void tenantDebugLogsEveryDecision(CapturedOutput output) throws Exception {
        ok(get("/api/test/branding"));
        problem(asOwnerOf("/api/test/plain", ACME), 403, "tenant-mismatch");

        assertThat(output.getOut())
                .contains("Tenant resolution for GET /api/test/branding by anonymous caller: tried "
                        + "[default tenant slug=solo], won by default, tenant solo (" + SOLO.id() + ", ACTIVE)")
                .contains("Tenant resolution for GET /api/test/plain by OWNER owner-of-acme of tenant " + ACME.id()
                        + ": refused with tenant-mismatch");
    }
}
