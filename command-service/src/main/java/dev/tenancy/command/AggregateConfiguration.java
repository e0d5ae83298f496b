package dev.tenancy.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    /** Busy tenants (usage events) would otherwise replay their whole history on every command. */
    @Bean
    public SnapshotTriggerDefinition tenantSnapshotTrigger(Snapshotter snapshotter,
            @Value("${tenancy.snapshot.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
