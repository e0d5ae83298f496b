package dev.tenancy.query.tenant;

import dev.tenancy.api.tenant.query.FindTenantDetailsQuery;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.tenant.query.TenantPage;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.RequiresRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The superadmin's view of every tenant. */
@RestController
@RequestMapping("/api/v1/tenants")
@RequiresRole(Role.SUPERADMIN)
public class TenantAdminController {

    private final QueryGateway queries;

    public TenantAdminController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Search all tenants (superadmin)", description = "Every parameter is optional; deleted "
            + "tenants are listed too unless a status is given. Each invalid parameter is named in a 400 answer.")
    public TenantPage search(
            @Parameter(description = "Case-insensitive substring of the name, slug or a custom domain")
            @RequestParam(required = false) String q,
            @Parameter(description = "ACTIVE, SUSPENDED or DELETED") @RequestParam(required = false) String status,
            @Parameter(description = "FREE, STARTER, PROFESSIONAL or ENTERPRISE")
            @RequestParam(required = false) String plan,
            @Parameter(description = "Created at or after this ISO-8601 instant")
            @RequestParam(required = false) String createdFrom,
            @Parameter(description = "Created before this ISO-8601 instant")
            @RequestParam(required = false) String createdTo,
            @Parameter(description = "true: tenants using more of some resource than their limits allow (after a "
                    + "downgrade or a lowered override); false: within all limits")
            @RequestParam(required = false) String overLimit,
            @Parameter(description = "0-based page, default 0") @RequestParam(required = false) String page,
            @Parameter(description = "Page size 1-100, default 20") @RequestParam(required = false) String size,
            @Parameter(description = "createdAt, name, slug, plan (by tier) or status, with ,asc or ,desc; "
                    + "default createdAt,desc") @RequestParam(required = false) String sort) {
        var query = new TenantSearchParameters(q, status, plan, createdFrom, createdTo, overLimit, page, size, sort)
                .toQuery();
        return queries.query(query, ResponseTypes.instanceOf(TenantPage.class)).join();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One tenant with its settings, branding and domains (superadmin)",
            description = "Deleted tenants are shown with status DELETED; unknown ids are 404 tenant-not-found.")
    public TenantDetailsView tenant(@PathVariable String id) {
        TenantDetailsView details = queries.query(new FindTenantDetailsQuery(id),
                ResponseTypes.instanceOf(TenantDetailsView.class)).join();
        if (details == null) {
            throw TenantReads.notFound().with("tenantId", id);
        }
        return details;
    }
}
