package dev.tenancy.query.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.query.BrandingView;
import dev.tenancy.api.tenant.query.DomainView;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.tenant.query.TenantView;
import dev.tenancy.platform.security.AllowedWithoutSecondFactor;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.tenancy.query.tenant.TenantReads.MIN_VERSION_HEADER;

/**
 * The current tenant: the caller's own, or the one a superadmin names (X-Tenant-Id, ?tenant=, subdomain). Every
 * route takes X-Min-Version, the version a command answered with, and waits until the read model has reached it.
 */
@RestController
@RequestMapping("/api/v1/tenants/current")
public class CurrentTenantController {

    private static final String WAIT = "Wait for at least this tenant version (read your own writes)";

    private final TenantReads reads;

    public CurrentTenantController(TenantReads reads) {
        this.reads = reads;
    }

    @GetMapping
    @AllowedWhenSuspended
    @AllowedWithoutSecondFactor
    @Operation(summary = "The current tenant", description = "Plan, status (and why), limits in force, effective "
            + "features and overrides. A token is only issued for a tenant that exists, so the answer also waits "
            + "for a tenant not projected yet. Deleted tenants are not found.")
    public TenantView current(@Parameter(description = WAIT)
                              @RequestHeader(value = MIN_VERSION_HEADER, required = false) String minVersion) {
        return reads.await(TenantReads.currentTenantId(), TenantReads.minVersion(minVersion));
    }

    @GetMapping("/features")
    @Operation(summary = "The current tenant's features: effective, the plan's, and the overrides")
    public FeaturesView features(@Parameter(description = WAIT)
                                 @RequestHeader(value = MIN_VERSION_HEADER, required = false) String minVersion) {
        TenantView tenant = reads.await(TenantReads.currentTenantId(), TenantReads.minVersion(minVersion));
        List<Feature> planFeatures = PlanCatalog.terms(tenant.plan()).features().stream()
                .sorted(Comparator.comparing(Feature::name)).toList();
        return new FeaturesView(tenant.plan(), tenant.features(), planFeatures, tenant.featureOverrides());
    }

    @GetMapping("/settings")
    @Operation(summary = "The current tenant's settings", description = "Nested by path (security, compliance, "
            + "retentionDays...), defaults filled in; client secrets are masked as ********.")
    public Map<String, Object> settings(@Parameter(description = WAIT)
                                        @RequestHeader(value = MIN_VERSION_HEADER, required = false) String minVersion) {
        return details(minVersion).settings();
    }

    @GetMapping("/branding")
    @Operation(summary = "The current tenant's branding", description = "whiteLabel says whether the tenant's "
            + "features include WHITE_LABEL; without it the branding is kept but not shown.")
    public BrandingView branding(@Parameter(description = WAIT)
                                 @RequestHeader(value = MIN_VERSION_HEADER, required = false) String minVersion) {
        return details(minVersion).branding();
    }

    @GetMapping("/domains")
    @Operation(summary = "The current tenant's custom domains", description = "PENDING until verified (publish the "
            + "verification token in DNS), then VERIFIED; only verified domains resolve to the tenant.")
    public List<DomainView> domains(@Parameter(description = WAIT)
                                    @RequestHeader(value = MIN_VERSION_HEADER, required = false) String minVersion) {
        return details(minVersion).domains();
    }

    private TenantDetailsView details(String minVersion) {
        return reads.awaitDetails(TenantReads.currentTenantId(), TenantReads.minVersion(minVersion));
    }
}
