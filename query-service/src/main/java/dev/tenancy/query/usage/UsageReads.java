package dev.tenancy.query.usage;

import dev.tenancy.api.usage.query.FindTenantUsageQuery;
import dev.tenancy.api.usage.query.TenantUsageView;
import dev.tenancy.query.tenant.ReadYourWrites;
import org.springframework.stereotype.Component;

/**
 * Reads a tenant's usage once the usage read model has reached the version a command answered with (a subscription
 * query, no polling), or says 503 read-model-lagging. A tenant just signed up is waited for the same way.
 */
@Component
public class UsageReads {

    private final ReadYourWrites reads;

    public UsageReads(ReadYourWrites reads) {
        this.reads = reads;
    }

    public TenantUsageView await(String tenantId, long minVersion) {
        return reads.await(new FindTenantUsageQuery(tenantId, minVersion), TenantUsageView.class, TenantUsageView::version,
                minVersion);
    }
}
