package dev.tenancy.platform.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.AbstractMongoEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategy against axon-mongo's own on one store: the same events in the same order, each with an equal token,
 * when read from the start, from a token read back from the token store, and while tailing new appends; and an
 * aggregate's events the same, read a batch at a time.
 */
class TenancyStorageStrategyTest {

    private static final Duration LOOK_BACK = Duration.ofMillis(40);
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final int BATCH = 7;

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
    private final MongoEventStorageEngine axons = engine(new DocumentPerEventStorageStrategy(
            EventEntryConfiguration.getDefault(), LOOK_BACK));
    private final TenancyStorageStrategy strategy = new TenancyStorageStrategy(EventEntryConfiguration.getDefault(),
            LOOK_BACK);
    private final MongoEventStorageEngine windowed = engine(new TenancyStorageStrategy(
            EventEntryConfiguration.getDefault(), LOOK_BACK));
    private final Map<String, Long> sequences = new HashMap<>();
    private final Random random = new Random(11);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void readsTheSameEventsWithEqualTokensFromTheStart() {
        append(300, 0);

        List<Read> expected = read(axons, null);
        assertThat(expected).hasSize(300);
        assertThat(read(windowed, null)).isEqualTo(expected);
    }

    @Test
    void goesOnFromATokenReadBackFromTheTokenStore() {
        append(200, 0);
        List<Read> all = read(axons, null);
        Serializer tokens = Serializers.messages();
        TrackingToken middle = tokens.deserialize(tokens.serialize(all.get(90).token(), byte[].class));

        assertThat(read(windowed, middle)).isEqualTo(read(axons, all.get(90).token())).isEqualTo(all.subList(91, 200));
    }

    @Test
    void tailsNewAppendsLikeAxonMongo() {
        append(60, 0);
        TrackingToken axonsToken = last(read(axons, null));
        TrackingToken windowedToken = last(read(windowed, null));
        for (int round = 1; round <= 20; round++) {
            // some of each round land a little before the newest event read: within the look-back window
            append(1 + random.nextInt(12), round * 60L);
            List<Read> axonsRound = read(axons, axonsToken);
            List<Read> windowedRound = read(windowed, windowedToken);
            assertThat(windowedRound).as("round " + round).isEqualTo(axonsRound).isNotEmpty();
            axonsToken = last(axonsRound);
            windowedToken = last(windowedRound);
        }
    }

    @Test
    void readsAnAggregatesEventsABatchAtATime() {
        append(400, 0);
        String aggregate = "tenant-3";
        long count = sequences.get(aggregate);

        List<Long> read = windowed.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber)
                .toList();
        assertThat(read).as("every event, in order").hasSize((int) count).isSorted()
                .isEqualTo(axons.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber).toList());
        assertThat(windowed.readEvents(aggregate, 40).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .isEqualTo(read.subList(40, read.size()));

        var events = client.getDatabase("window_test").getCollection("domainevents");
        assertThat(strategy.findDomainEvents(events, aggregate, 10, BATCH))
                .extracting(event -> event.getSequenceNumber()).containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L);
    }

    private void append(int count, long fromMillis) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String aggregate = "tenant-" + random.nextInt(5);
            long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
            // several at one instant, and some stamped up to 30 ms earlier than their neighbours
            Instant at = START.plusMillis(fromMillis + i / 3 - (random.nextInt(8) == 0 ? random.nextInt(30) : 0));
            events.add(new GenericDomainEventMessage<>("TenantAggregate", aggregate, sequence,
                    new TenantSuspendedEvent(aggregate, "reason " + i), MetaData.with("tenantId", aggregate),
                    UUID.randomUUID().toString(), at));
        }
        Collections.shuffle(events, random);
        events.stream().sorted((a, b) -> Long.compare(((DomainEventMessage<?>) a).getSequenceNumber(),
                        ((DomainEventMessage<?>) b).getSequenceNumber()))
                .forEach(event -> windowed.appendEvents(List.of(event)));
    }

    private static List<Read> read(MongoEventStorageEngine engine, TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
            return events.map(event -> new Read(event.getIdentifier(), event.trackingToken())).toList();
        }
    }

    private static TrackingToken last(List<Read> reads) {
        return reads.get(reads.size() - 1).token();
    }

    private MongoEventStorageEngine engine(AbstractMongoEventStorageStrategy strategy) {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "window_test").build())
                .eventSerializer(Serializers.messages())
                .snapshotSerializer(Serializers.snapshots())
                .batchSize(BATCH)
                .storageStrategy(strategy)
                .build();
    }

    private record Read(String id, TrackingToken token) {
    }
}
