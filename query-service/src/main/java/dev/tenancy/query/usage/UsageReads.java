package dev.tenancy.query.usage;

import dev.tenancy.api.usage.query.FindTenantUsageQuery;
import dev.tenancy.api.usage.query.TenantUsageView;
import dev.tenancy.query.tenant.TenantReads;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Reads a tenant's usage once the usage read model has reached the version a command answered with (a subscription
 * query, no polling), or says 503 read-model-lagging. A tenant just signed up is waited for the same way.
 */
@Component
public class UsageReads {

    private final QueryGateway queries;
    private final Duration readYourWritesTimeout;

    public UsageReads(QueryGateway queries,
                      @Value("${tenancy.read-your-writes.timeout}") Duration readYourWritesTimeout) {
        this.queries = queries;
        this.readYourWritesTimeout = readYourWritesTimeout;
    }

    public TenantUsageView await(String tenantId, long minVersion) {
        FindTenantUsageQuery query = new FindTenantUsageQuery(tenantId, minVersion);
        try (SubscriptionQueryResult<TenantUsageView, TenantUsageView> result = queries.subscriptionQuery(query,
                ResponseTypes.instanceOf(TenantUsageView.class), ResponseTypes.instanceOf(TenantUsageView.class))) {
            TenantUsageView view = result.initialResult().concatWith(result.updates())
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
