package dev.tenancy.query.replay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.platform.axon.Serializers;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk pass against axon-mongo itself: it must hand every event up to its bound to the handlers once, in each
 * aggregate's order, and end with the very token a tracking processor reading the same store would hold, so the
 * processor that takes over sees exactly the events after it.
 */
class BulkCatchUpTest {

    private static final Duration LOOK_BACK = Duration.ofSeconds(5);
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
    private final MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
            .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "bulk_test").build())
            .eventSerializer(Serializers.messages())
            .snapshotSerializer(Serializers.snapshots())
            .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(), LOOK_BACK))
            .build();
    private final List<Handled> handled = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void handsEveryEventUpToItsBoundOnceInOrderAndEndsWithTheProcessorsToken(int segments) throws Exception {
        List<DomainEventMessage<?>> stored = appendInterleavedHistories();
        Instant until = START.plusMillis(280);
        Set<String> before = ids(stored, event -> !event.getTimestamp().isAfter(until));
        Set<String> after = ids(stored, event -> event.getTimestamp().isAfter(until));

        WriteBehindCollections cache = new WriteBehindCollections(
                ReadModelCollections.fixed(client.getDatabase("bulk_test_model"), Map.of("handled", "handled_r1")), 10);
        BulkCatchUp pass = new BulkCatchUp(client.getDatabase("bulk_test").getCollection("domainevents"),
                Serializers.messages(), NoOpEventUpcaster.INSTANCE, LOOK_BACK,
                SequentialPerAggregatePolicy.instance(),
                new ReplayMarkingInvoker(recorder(cache.get("handled")), "test", new RateMeter()), cache,
                segments, 7, 11);
        MongoTrackingToken token = pass.run(until).orElseThrow();

        assertThat(client.getDatabase("bulk_test_model").getCollection("handled_r1").countDocuments())
                .as("what the handlers wrote is out").isEqualTo(before.size());
        assertThat(cache.cachedDocuments()).as("and nothing of it is held after the pass").isZero();
        assertThat(pass.eventsRead()).as("what progress subtracts from the store's count").isEqualTo(before.size());
        assertThat(cache.stats().documentsRead()).as("ids it forgot on the way were never needed").isZero();

        assertThat(handled).extracting(Handled::id).as("each once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(before);
        Map<String, List<Handled>> byAggregate = handled.stream()
                .collect(Collectors.groupingBy(Handled::aggregate, Collectors.toList()));
        byAggregate.forEach((aggregate, events) -> {
            assertThat(events).extracting(Handled::sequence).as(aggregate).isSorted();
            assertThat(events).extracting(Handled::segment).as("one aggregate, one thread").containsOnly(
                    events.get(0).segment());
        });
        assertThat(handled).as("every event is handed on as a replay, its payload deserialized")
                .allMatch(Handled::replay);
        assertThat(handled.stream().map(Handled::segment).distinct().count()).isEqualTo(segments);

        List<? extends TrackedEventMessage<?>> tracked = engine.readEvents(null, false).toList();
        TrackingToken processorToken = tracked.stream()
                .filter(event -> !event.getTimestamp().isAfter(until))
                .reduce((first, second) -> second).orElseThrow().trackingToken();
        assertThat(token).as("what a processor holds after the same events").isEqualTo(processorToken);
        assertThat(engine.readEvents(token, false).map(EventMessage::getIdentifier).toList())
                .as("the processor taking over from it sees exactly the rest")
                .containsExactlyInAnyOrderElementsOf(after);
    }

    /** Four aggregates' events a few milliseconds apart, some at the same instant, stored in shuffled order. */
    private List<DomainEventMessage<?>> appendInterleavedHistories() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        for (int i = 0; i < 120; i++) {
            String aggregate = "tenant-" + (i % 4);
            long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
            Instant at = START.plusMillis((i / 2) * 5L);
            events.add(new GenericDomainEventMessage<>("TenantAggregate", aggregate, sequence,
                    new TenantSuspendedEvent(aggregate, "reason " + i), MetaData.with("tenantId", aggregate),
                    UUID.randomUUID().toString(), at));
        }
        List<DomainEventMessage<?>> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.forEach(event -> engine.appendEvents(List.of(event)));
        return events;
    }

    private EventHandlerInvoker recorder(MongoCollection<Document> written) {
        return new EventHandlerInvoker() {
            @Override
            public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
                return true;
            }

            @Override
            public void handle(EventMessage<?> message, Segment segment) {
                DomainEventMessage<?> domain = (DomainEventMessage<?>) message;
                handled.add(new Handled(message.getIdentifier(), domain.getAggregateIdentifier(),
                        domain.getSequenceNumber(), segment.getSegmentId(), ReplayToken.isReplay(message)
                        && message.getPayload() instanceof TenantSuspendedEvent));
                written.insertOne(new Document("_id", message.getIdentifier()));
            }
        };
    }

    private static Set<String> ids(List<DomainEventMessage<?>> events,
                                   java.util.function.Predicate<DomainEventMessage<?>> which) {
        return events.stream().filter(which).map(EventMessage::getIdentifier).collect(Collectors.toSet());
    }

    private record Handled(String id, String aggregate, long sequence, int segment, boolean replay) {
    }
}
