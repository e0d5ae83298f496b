package dev.tenancy.command.directory;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;

/**
 * The catch-up processor starts at the head of the stream (an older entry is folded from the event store when read,
 * so history needs no replay here) and, unlike Axon's default, lets a failed update stop the batch so it is retried.
 * A batch is one unit of work, so a failure retries all of its events; they are guarded by version, so that is safe.
 */
@org.springframework.context.annotation.Configuration
public class TenantDirectoryCatchUpConfiguration {

    /** Events folded per unit of work, so a tenant's burst costs one read and one write of its entry. */
    static final int BATCH_SIZE = 100;

    @Bean
    public ConfigurerModule tenantDirectoryCatchUpProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(TenantDirectoryCatchUp.GROUP, Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH_SIZE)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(TenantDirectoryCatchUp.GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
