package dev.tenancy.query.replay;

import org.axonframework.config.ConfigurerModule;
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
}
