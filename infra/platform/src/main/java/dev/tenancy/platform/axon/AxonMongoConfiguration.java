package dev.tenancy.platform.axon;

import com.mongodb.client.MongoClient;
import dev.tenancy.platform.messaging.CallContextCorrelationDataProvider;
import dev.tenancy.platform.messaging.CallContextDispatchInterceptor;
import dev.tenancy.platform.messaging.MdcHandlerInterceptor;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Axon on MongoDB: events and snapshots in the shared event database (one document per event), this service's
 * tracking tokens beside its read models. MongoDB sessions are not used (axon-mongo's NoTransactionManager), so
 * every handler is written to be idempotent.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
public class AxonMongoConfiguration {

    /** Another node takes over a segment whose claim was not renewed for this long. */
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);
    /** A fifth of the timeout: a claim renewed this recently cannot be taken over (see {@link RecentClaimTokenStore}). */
    static final Duration CLAIM_RENEWAL = CLAIM_TIMEOUT.dividedBy(5);

    @Bean
    @Primary
    public Serializer serializer() {
        return Serializers.messages();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return Serializers.messages();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return Serializers.messages();
    }

    @Bean
    public CorrelationDataProvider callContextCorrelationDataProvider() {
        return new CallContextCorrelationDataProvider();
    }

    @Bean
    public CallContextDispatchInterceptor callContextDispatchInterceptor() {
        return new CallContextDispatchInterceptor();
    }

    @Bean
    public MdcHandlerInterceptor mdcHandlerInterceptor(@Value("${spring.application.name}") String serviceName) {
        return new MdcHandlerInterceptor(serviceName);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoClient client, EventStoreProperties properties,
            @Qualifier("eventSerializer") Serializer eventSerializer, Configuration configuration) {
        MongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(client, properties.eventDatabase())
                .build();
        return MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(Serializers.snapshots())
                // an aggregate's @Revision names its snapshot layout: snapshots of another layout are not loaded.
                // Asked per snapshot, since the aggregates register with the configuration after this bean exists.
                .snapshotFilter(snapshot -> configuration.snapshotFilter().allow(snapshot))
                .upcasterChain(configuration.upcasterChain())
                .batchSize(properties.batchSize())
                .storageStrategy(new TenancyStorageStrategy(EventEntryConfiguration.getDefault(),
                        properties.lookBackTime()))
                .build();
    }

    /**
     * Polls the store for other nodes' events every {@code fetchDelay} when idle; local appends wake it at once. The
     * processors near the head share the last {@code cachedEvents} events (see {@link EventStoreProperties}).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
            EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.fetchDelay().toMillis())
                .cachedEvents(properties.cachedEvents())
                .build();
    }

    @Bean
    public TokenStore tokenStore(MongoClient client, EventStoreProperties properties, Serializer serializer,
            @Value("${spring.application.name}") String serviceName) {
        MongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(client, properties.serviceDatabase())
                .build();
        MongoTokenStore store = MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .claimTimeout(CLAIM_TIMEOUT)
                .nodeId(nodeId(serviceName))
                .build();
        return new RecentClaimTokenStore(store, CLAIM_RENEWAL, Clock.systemUTC());
    }

    /** Unique per token store instance, even for several instances in one JVM: two stores sharing an id steal claims. */
    private static String nodeId(String serviceName) {
        return serviceName + "@" + ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
