package dev.tenancy.query.replay;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every processing group of this service, present and future, gets a Mongo dead-letter queue, the tenant fence of
 * slice rebuilds and a rate meter. Nothing here is per projection: a new projection is covered by being registered.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplayProperties.class)
public class ReplayConfiguration {

    @Bean
    TenantFence tenantFence() {
        return new TenantFence();
    }

    @Bean
    ConfigurerModule deadLettersAndFences(DeadLetterQueues queues, TenantFence fence, ProcessorMeters meters) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDeadLetterQueueProvider(group -> configuration -> queues.queue(group))
                .registerDefaultHandlerInterceptor((configuration, processor) ->
                        fence.interceptor(processor, meters.of(processor))));
    }

    /**
     * Without it the dead-letter invoker asks the queue for every event whether the event's sequence is parked: a
     * count on the queue's collection per event and group, a fifth of this service's CPU under load. Axon's cache
     * per segment knows which sequences this invoker parked (and, when the queue was not empty as the segment was
     * claimed, which it checked); it is dropped when the segment is released, so another instance's letters are seen
     * by the next claimant.
     */
    @Bean
    ConfigurerModule deadLetterSequenceCache(ListableBeanFactory beans) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
                ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group.value(),
                        (configuration, builder) -> builder.enableSequenceIdentifierCache());
            }
        });
    }
}
