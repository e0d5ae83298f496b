package dev.tenancy.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;

@Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    /** Busy tenants (usage events) would otherwise replay their whole history on every command. */
    @Bean
    public SnapshotTriggerDefinition tenantSnapshotTrigger(Snapshotter snapshotter,
            @Value("${tenancy.snapshot.threshold:500}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Keeps loaded tenants in memory between commands. With several instances a cached tenant can be stale; its
     * append then fails on the unique (aggregate, sequence) key, the entry is evicted on rollback and the command is
     * retried (see {@link ConcurrencyRetryScheduler}), so the cache never decides on old state. Bounded and strong
     * ({@link BoundedCache}): the busiest tenants stay loaded whatever the garbage collector does.
     */
    @Bean
    public Cache tenantCache(@Value("${tenancy.aggregate-cache.max-tenants:1000}") int maxTenants) {
        return new BoundedCache(maxTenants);
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus,
            @Value("${tenancy.command.concurrency-retries:8}") int retries,
            @Value("${tenancy.command.concurrency-retry-interval-ms:5}") long intervalMillis) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetryScheduler(Executors.newScheduledThreadPool(1, runnable -> {
                    Thread thread = new Thread(runnable, "command-retry");
                    thread.setDaemon(true);
                    return thread;
                }), retries, intervalMillis))
                .build();
    }
}
