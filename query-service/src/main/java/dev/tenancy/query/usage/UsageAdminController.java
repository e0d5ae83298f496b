package dev.tenancy.query.usage;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.usage.query.FindTenantUsageQuery;
import dev.tenancy.api.usage.query.FindTopUsageQuery;
import dev.tenancy.api.usage.query.TenantUsageView;
import dev.tenancy.api.usage.query.TopUsageView;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.web.FieldErrors;
import dev.tenancy.query.tenant.TenantReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** The superadmin's view of usage: any tenant's, and who uses most of a resource. */
@RestController
@RequiresRole(Role.SUPERADMIN)
public class UsageAdminController {

    static final int DEFAULT_TOP = 10;
    static final int MAX_TOP = 100;

    private final QueryGateway queries;

    public UsageAdminController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/tenants/{id}/usage")
    @Operation(summary = "One tenant's usage (superadmin)", description = "The same answer as "
            + "/api/v1/tenants/current/usage gives the tenant; unknown ids are 404 tenant-not-found.")
    public TenantUsageView usage(@PathVariable String id) {
        TenantUsageView usage = id.isBlank() ? null : queries.query(new FindTenantUsageQuery(id, 0),
                ResponseTypes.instanceOf(TenantUsageView.class)).join();
        if (usage == null) {
            throw TenantReads.notFound().with("tenantId", id);
        }
        return usage;
    }

    @GetMapping("/api/v1/usage/top")
    @Operation(summary = "Tenants using the largest share of a resource's limit (superadmin)", description = "Only "
            + "tenants with a finite limit above 0, deleted ones left out; by percent used, then used, then "
            + "tenant id. messagesPerMonth counts the current period, apiCallsPerHour the current hour (live).")
    public TopUsageView top(
            @Parameter(description = "A counted resource, e.g. storage") @RequestParam(required = false)
            String resource,
            @Parameter(description = "How many tenants, 1-100; default 10") @RequestParam(required = false)
            String limit) {
        FieldErrors errors = new FieldErrors();
        Optional<Resource> counted = UsageParameters.countedResource("resource", resource, errors);
        int size = (int) UsageParameters.whole("limit", limit, DEFAULT_TOP, 1, MAX_TOP, errors);
        errors.throwIfAny();
        return queries.query(new FindTopUsageQuery(counted.orElseThrow(), size),
                ResponseTypes.instanceOf(TopUsageView.class)).join();
    }
}
