package dev.tenancy.command.stream;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DefaultEventProcessorSpanFactory;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * The Kafka event stream: a tracking processor of its own ({@value TenantEventPublisher#GROUP}, token in this
 * service's token store) that publishes every event ever stored, from the tail of the event store, to
 * {@code tenancy.event-stream.topic}. Off with {@code tenancy.event-stream.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tenancy.event-stream.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EventStreamProperties.class)
public class EventStreamConfiguration {

    /** A worker blocked on an absent broker is interrupted this long after shutdown began; its batch is redone. */
    private static final long WORKER_TERMINATION_SECONDS = 3;

    @Bean
    public StreamProducer tenantEventStreamProducer(KafkaProperties kafka, EventStreamProperties properties) {
        return new StreamProducer(kafka.buildProducerProperties(null), kafka.buildAdminProperties(null), properties);
    }

    @Bean
    public TenantEventPublisher tenantEventPublisher(StreamProducer producer, EventStreamProperties properties) {
        return new TenantEventPublisher(producer, new StreamRecords(properties.topic()));
    }

    /**
     * Registered by hand rather than through {@code axon.eventhandling.processors.*}, for what those properties cannot
     * say: tokens stored only after the batch (at least once, whatever the transaction manager), the tail as initial
     * token, handler failures propagated to the processor (Axon's default only logs them and moves on) and
     * sequencing by tenant.
     */
    @Bean
    public ConfigurerModule tenantEventStreamProcessor(EventStreamProperties properties) {
        TrackingEventProcessorConfiguration tracking = TrackingEventProcessorConfiguration
                .forParallelProcessing(properties.segments())
                .andInitialSegmentsCount(properties.segments())
                .andBatchSize(properties.batchSize())
                .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                .andWorkerTerminationTimeout(WORKER_TERMINATION_SECONDS, TimeUnit.SECONDS);
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerEventProcessor(TenantEventPublisher.GROUP, (name, config, invoker) -> {
                    EventProcessingConfiguration processors = config.eventProcessingConfiguration();
                    return TrackingEventProcessor.builder()
                            .name(name)
                            .eventHandlerInvoker(invoker)
                            .rollbackConfiguration(processors.rollbackConfiguration(name))
                            .errorHandler(processors.errorHandler(name))
                            .messageMonitor(processors.messageMonitor(TrackingEventProcessor.class, name))
                            .spanFactory(config.getComponent(EventProcessorSpanFactory.class,
                                    () -> DefaultEventProcessorSpanFactory.builder()
                                            .spanFactory(config.spanFactory()).build()))
                            .messageSource(config.eventStore())
                            .tokenStore(processors.tokenStore(name))
                            .transactionManager(processors.transactionManager(name))
                            .storingTokensAfterProcessing()
                            .trackingEventProcessorConfiguration(tracking)
                            .build();
                })
                .registerListenerInvocationErrorHandler(TenantEventPublisher.GROUP,
                        config -> PropagatingErrorHandler.instance())
                .registerSequencingPolicy(TenantEventPublisher.GROUP, config -> new TenantSequencingPolicy()));
    }
}
