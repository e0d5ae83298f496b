package dev.tenancy.query.tenant;

import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.query.FindTenantDetailsQuery;
import dev.tenancy.api.tenant.query.FindTenantQuery;
import dev.tenancy.api.tenant.query.FindTenantsQuery;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.tenant.query.TenantPage;
import dev.tenancy.api.tenant.query.TenantView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the tenant queries from the tenants read model; null means "no such tenant". */
@Component
public class TenantQueryHandlers {

    private final TenantViewRepository tenants;
    private final AllTenantsRepository allTenants;

    public TenantQueryHandlers(TenantViewRepository tenants, AllTenantsRepository allTenants) {
        this.tenants = tenants;
        this.allTenants = allTenants;
    }

    @QueryHandler
    TenantView handle(FindTenantQuery query) {
        return tenants.find(TenantId.of(query.tenantId())).orElse(null);
    }

    @QueryHandler
    TenantDetailsView handle(FindTenantDetailsQuery query) {
        return tenants.findDetails(TenantId.of(query.tenantId())).orElse(null);
    }

    @QueryHandler
    TenantPage handle(FindTenantsQuery query) {
        return allTenants.searchAllTenants(query);
    }
}
