package dev.tenancy.query.web.tenants;

import dev.tenancy.api.tenant.query.FindTenantDetailsQuery;
import dev.tenancy.api.tenant.query.FindTenantQuery;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.tenant.query.TenantView;
import dev.tenancy.api.usage.query.FindTenantUsageQuery;
import dev.tenancy.api.usage.query.TenantUsageView;
import dev.tenancy.query.tenant.ReadYourWrites;
import dev.tenancy.query.tenant.TenantReads;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Any tenant for the superadmin, deleted ones included (as {@code GET /api/v1/tenants/{id}} shows them), once the
 * read model has reached the version a change answered with. An unknown id is told at once, not after the wait.
 */
@Component
class TenantDetailReads {

    private final QueryGateway queries;
    private final ReadYourWrites reads;

    TenantDetailReads(QueryGateway queries, ReadYourWrites reads) {
        this.queries = queries;
        this.reads = reads;
    }

    TenantDetailsView await(String tenantId, long minVersion) {
        TenantDetailsView details = details(tenantId);
        if (details == null) {
            throw TenantReads.notFound().with("tenantId", tenantId);
        }
        if (details.version() >= minVersion) {
            return details;
        }
        reads.await(new FindTenantQuery(tenantId, minVersion), TenantView.class, TenantView::version, minVersion);
        return details(tenantId);
    }

    /** The tenant's usage as the superadmin's usage route answers it; null when none is recorded. */
    TenantUsageView usage(String tenantId) {
        return queries.query(new FindTenantUsageQuery(tenantId, 0), ResponseTypes.instanceOf(TenantUsageView.class))
                .join();
    }

    private TenantDetailsView details(String tenantId) {
        return queries.query(new FindTenantDetailsQuery(tenantId), ResponseTypes.instanceOf(TenantDetailsView.class))
                .join();
    }
}
