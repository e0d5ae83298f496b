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
 */
@org.springframework.context.annotation.Configuration
public class TenantDirectoryCatchUpConfiguration {

    @Bean
    public ConfigurerModule tenantDirectoryCatchUpProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(TenantDirectoryCatchUp.GROUP, Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(TenantDirectoryCatchUp.GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
