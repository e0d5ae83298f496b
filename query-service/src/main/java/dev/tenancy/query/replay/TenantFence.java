package dev.tenancy.query.replay;

import dev.tenancy.api.metadata.MetadataKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a live processor's handlers away from one tenant while that tenant's slice of the group's read model is
 * deleted and rebuilt. Raising the fence waits for the tenant's events in flight to finish; from then on a live event
 * of that tenant waits at the fence (holding up its processor thread, for as long as the slice takes: one tenant's
 * history) and is handled after it, on the rebuilt documents. Without it a live event could land between the delete
 * and the re-application and create a document whose newer version locks the tenant's older events out.
 * Other tenants' events pass as usual, unless they queue behind a waiting one on the same thread.
 */
final class TenantFence {

    private final Set<String> raised = new HashSet<>();
    private final Map<String, Integer> inFlight = new HashMap<>();

    /** The interceptor for the live processor of {@code group}. */
    MessageHandlerInterceptor<EventMessage<?>> interceptor(String group, RateMeter handled) {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            String key = key(group, tenantOf(unitOfWork.getMessage()));
            enter(key);
            try {
                return chain.proceed();
            } finally {
                exit(key);
                handled.mark();
            }
        };
    }

    /** Blocks until no live event of the tenant is being handled in the group; then keeps them out. */
    synchronized void raise(String group, String tenantId) throws InterruptedException {
        String key = key(group, tenantId);
        while (raised.contains(key)) {
            wait();
        }
        raised.add(key);
        while (inFlight.getOrDefault(key, 0) > 0) {
            wait();
        }
    }

    synchronized void lower(String group, String tenantId) {
        raised.remove(key(group, tenantId));
        notifyAll();
    }

    private synchronized void enter(String key) throws InterruptedException {
        while (raised.contains(key)) {
            wait();
        }
        inFlight.merge(key, 1, Integer::sum);
    }

    private synchronized void exit(String key) {
        inFlight.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
        notifyAll();
    }

    /** The tenant an event belongs to: its metadata says so; the aggregate (the tenant aggregate) otherwise. */
    static String tenantOf(EventMessage<?> message) {
        Object tenant = message.getMetaData().get(MetadataKeys.TENANT_ID);
        if (tenant != null) {
            return tenant.toString();
        }
        return message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
    }

    private static String key(String group, String tenantId) {
        return group + '\u0000' + tenantId;
    }
}
