package dev.tenancy.query.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import com.mongodb.client.MongoClient;
import dev.tenancy.platform.axon.EventStoreProperties;
import dev.tenancy.platform.axon.Serializers;
import dev.tenancy.platform.axon.TenancyStorageStrategy;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** What rebuilds share: Axon's configuration of the live processors, the event store and this service's database. */
@Component
class RebuildContext {

    /** axon-mongo's default collection and field names, as the platform's token store uses them. */
    private static final String TOKENS = "trackingtokens";
    private static final String PROCESSOR_NAME = "processorName";
    private static final String OWNER = "owner";
    private static final String SEGMENT = "segment";

    final EventProcessingConfiguration processing;
    final EventStore eventStore;
    final CollectionRegistry registry;
    final DeadLetterQueues queues;
    final TenantFence fence;
    final EventStorePositions positions;
    final ReplayProperties properties;
    private final Configuration axon;
    private final MongoCollection<Document> tokens;
    private final MongoClient client;
    private final EventStoreProperties store;
    private final Serializer eventSerializer;

    RebuildContext(EventProcessingConfiguration processing, Configuration axon, EventStore eventStore,
                   CollectionRegistry registry, DeadLetterQueues queues, TenantFence fence,
                   EventStorePositions positions, ReplayProperties properties, MongoClient client,
                   EventStoreProperties store, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.processing = processing;
        this.axon = axon;
        this.client = client;
        this.store = store;
        this.eventSerializer = eventSerializer;
        this.eventStore = eventStore;
        this.registry = registry;
        this.queues = queues;
        this.fence = fence;
        this.positions = positions;
        this.properties = properties;
        this.tokens = registry.database().getCollection(TOKENS);
    }

    /**
     * The event store as a rebuild reads it: the same events, fetched {@code fetchSize} at a time instead of the live
     * store's small batches. A tracking query costs about the same whatever its size (on the stand-in each one scans
     * and sorts every event after the position), so fewer, larger ones make a replay faster. Shut it down after use.
     */
    EmbeddedEventStore eventSource(int fetchSize) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, store.eventDatabase()).build())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(Serializers.snapshots())
                .upcasterChain(axon.upcasterChain())
                .batchSize(fetchSize)
                .storageStrategy(new TenancyStorageStrategy(EventEntryConfiguration.getDefault(),
                        store.lookBackTime()))
                .build();
        return EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(store.fetchDelay().toMillis()).build();
    }

    MongoDatabase database() {
        return registry.database();
    }

    Serializer eventSerializer() {
        return eventSerializer;
    }

    EventUpcaster upcasters() {
        return axon.upcasterChain();
    }

    Duration lookBackTime() {
        return store.lookBackTime();
    }

    /** The group's handlers in a fresh instance, resolving parameters the way the live processor does. */
    AnnotationEventHandlerAdapter handlers(Object projection) {
        return new AnnotationEventHandlerAdapter(projection, axon.parameterResolverFactory(),
                axon.handlerDefinition(projection.getClass()));
    }

    StreamingEventProcessor liveProcessor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow(() ->
                new IllegalStateException("Processing group " + group + " has no streaming processor"));
    }

    TokenStore tokenStore(String group) {
        return processing.tokenStore(group);
    }

    TransactionManager transactionManager(String group) {
        return processing.transactionManager(group);
    }

    SequencingPolicy<? super EventMessage<?>> sequencingPolicy(String group) {
        return processing.sequencingPolicy(group);
    }

    /** The key the Mongo dead-letter queue files an event's sequence under. */
    String sequenceId(String group, EventMessage<?> message) {
        Object id = sequencingPolicy(group).getSequenceIdentifierFor(message);
        if (id == null) {
            id = message.getIdentifier();
        }
        return id instanceof String text ? text : Integer.toString(id.hashCode());
    }

    /** Claims on the live processor's segments that this node does not process itself: other nodes hold them. */
    List<String> claimsOfOtherNodes(String group) {
        StreamingEventProcessor live = liveProcessor(group);
        Set<Integer> local = live.isRunning() ? live.processingStatus().keySet() : Set.of();
        List<String> owners = new ArrayList<>();
        tokens.find(Filters.and(Filters.eq(PROCESSOR_NAME, group), Filters.ne(OWNER, null)))
                .forEach(token -> {
                    if (!local.contains(token.getInteger(SEGMENT))) {
                        owners.add(token.getString(OWNER));
                    }
                });
        return owners;
    }

    /**
     * Waits until no other node holds a segment of the group's live processor, which they let go of once they see
     * the rebuild's pause request ({@link CollectionRegistry#pauseOtherNodes}); false if that takes longer than
     * {@code timeout}.
     */
    boolean awaitOtherNodesPaused(String group, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!claimsOfOtherNodes(group).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return true;
    }

    /** Moves every segment of a stopped processor to {@code token}. */
    void storeTokens(String processor, TrackingToken token) {
        TokenStore store = tokenStore(processor);
        int[] segments = store.fetchSegments(processor);
        if (segments.length == 0) {
            store.initializeTokenSegments(processor, 1, token);
            return;
        }
        for (int segment : segments) {
            store.storeToken(token, processor, segment);
            store.releaseClaim(processor, segment);
        }
    }

    void deleteTokens(String processor) {
        tokens.deleteMany(Filters.eq(PROCESSOR_NAME, processor));
    }

    void deleteTokensMatching(Pattern processors) {
        tokens.deleteMany(Filters.regex(PROCESSOR_NAME, processors));
    }

    void drop(Collection<String> collections) {
        collections.stream().filter(Objects::nonNull).forEach(name -> database().getCollection(name).drop());
    }
}
