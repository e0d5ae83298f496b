package dev.tenancy.query.tenant;

import dev.tenancy.api.tenant.query.BrandingView;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.platform.security.PublicEndpoint;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Branding for the login page of the tenant the request names by subdomain, custom domain, header or parameter. */
@RestController
public class PublicBrandingController {

    private final TenantReads reads;

    public PublicBrandingController(TenantReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/branding")
    @PublicEndpoint
    @AllowedWhenSuspended
    @Operation(summary = "Public branding of a tenant's login page", description = "The tenant comes from the "
            + "subdomain, a verified custom domain, X-Tenant-Id or ?tenant= (id or slug); 404 tenant-not-found "
            + "when none resolves. Custom fields are null unless the tenant has WHITE_LABEL.")
    public PublicBrandingView branding() {
        TenantDetailsView tenant = reads.awaitDetails(TenantReads.currentTenantId(), 0);
        BrandingView branding = tenant.branding();
        if (!branding.whiteLabel()) {
            return new PublicBrandingView(tenant.slug(), tenant.name(), null, null, null, null);
        }
        return new PublicBrandingView(tenant.slug(), tenant.name(), branding.logoUrl(), branding.primaryColor(),
                branding.secondaryColor(), branding.customCss());
    }
}
