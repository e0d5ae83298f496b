package dev.tenancy.query.tenant;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * Answers a versioned read model once it has reached the version a command answered with: a subscription query
 * (the projection pushes updates, nothing polls), or 503 read-model-lagging after the configured wait.
 */
@Component
public class ReadYourWrites {

    private final QueryGateway queries;
    private final Duration timeout;

    public ReadYourWrites(QueryGateway queries, @Value("${tenancy.read-your-writes.timeout}") Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    public <V> V await(Object query, Class<V> viewType, ToLongFunction<V> version, long minVersion) {
        try (SubscriptionQueryResult<V, V> result = queries.subscriptionQuery(query,
                ResponseTypes.instanceOf(viewType), ResponseTypes.instanceOf(viewType))) {
            V view = result.initialResult().concatWith(result.updates())
                    .filter(candidate -> version.applyAsLong(candidate) >= minVersion)
                    .blockFirst(timeout);
            if (view == null) {
                throw TenantReads.lagging();
            }
            return view;
        } catch (IllegalStateException timedOut) {
            throw TenantReads.lagging();
        }
    }
}
