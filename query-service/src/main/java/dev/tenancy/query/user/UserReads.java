package dev.tenancy.query.user;

import dev.tenancy.api.user.query.FindTenantUsersQuery;
import dev.tenancy.api.user.query.TenantUsersView;
import dev.tenancy.query.tenant.TenantReads;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Reads a tenant's users once the users read model has reached the version a command answered with (a subscription
 * query, no polling), or says 503 read-model-lagging. A tenant just signed up is waited for the same way.
 */
@Component
public class UserReads {

    private final QueryGateway queries;
    private final Duration readYourWritesTimeout;

    public UserReads(QueryGateway queries,
                     @Value("${tenancy.read-your-writes.timeout}") Duration readYourWritesTimeout) {
        this.queries = queries;
        this.readYourWritesTimeout = readYourWritesTimeout;
    }

    public TenantUsersView await(String tenantId, long minVersion) {
        FindTenantUsersQuery query = new FindTenantUsersQuery(tenantId, minVersion);
        try (SubscriptionQueryResult<TenantUsersView, TenantUsersView> result = queries.subscriptionQuery(query,
                ResponseTypes.instanceOf(TenantUsersView.class), ResponseTypes.instanceOf(TenantUsersView.class))) {
            TenantUsersView view = result.initialResult().concatWith(result.updates())
                    .filter(candidate -> candidate.version() >= minVersion)
                    .blockFirst(readYourWritesTimeout);
            if (view == null) {
                throw TenantReads.lagging();
            }
            return view;
        } catch (IllegalStateException timeout) {
            throw TenantReads.lagging();
        }
    }
}
