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
    private final UserStore store;

    public UserReads(ReadYourWrites reads, UserStore store) {
        this.reads = reads;
        this.store = store;
    }

    /**
     * Whether the tenant's user has an authenticator app on, as the users model has it once it reached
     * {@code minVersion}: the console's own security page shows it to that user.
     */
    public boolean secondFactor(String tenantId, String userId, long minVersion) {
        await(tenantId, minVersion);
        return store.secondFactor(tenantId, userId);
    }

    public TenantUsersView await(String tenantId, long minVersion) {
        return reads.await(new FindTenantUsersQuery(tenantId, minVersion), TenantUsersView.class, TenantUsersView::version,
                minVersion);
    }
}
