package dev.tenancy.query.user;

import dev.tenancy.api.user.query.FindTenantUsersQuery;
import dev.tenancy.api.user.query.TenantUsersView;
import dev.tenancy.query.tenant.ReadYourWrites;
import org.springframework.stereotype.Component;

/**
 * Reads a tenant's users once the users read model has reached the version a command answered with (a subscription
 * query, no polling), or says 503 read-model-lagging. A tenant just signed up is waited for the same way.
 */
@Component
public class UserReads {

    private final ReadYourWrites reads;

    public UserReads(ReadYourWrites reads) {
        this.reads = reads;
    }

    public TenantUsersView await(String tenantId, long minVersion) {
        return reads.await(new FindTenantUsersQuery(tenantId, minVersion), TenantUsersView.class, TenantUsersView::version,
                minVersion);
    }
}
