package dev.tenancy.query.replay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.axonframework.common.DateTimeUtils;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Positions are counted and found as a tracking processor sees the store: by event timestamp, as axon-mongo writes it. */
class EventStorePositionsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
    private final EventStoreProperties properties = new EventStoreProperties(null, null, null, null, null, null);
    private final MongoCollection<Document> events = client.getDatabase(properties.eventDatabase())
            .getCollection(EventStorePositions.EVENTS);
    private final EventStorePositions positions = new EventStorePositions(client, properties);

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void countsTheEventsAfterAPositionAndFindsTheNewest() {
        assertThat(positions.head()).isEmpty();
        IntStream.range(0, 30).forEach(i -> events.insertOne(new Document("eventIdentifier", "e-" + i)
                .append("aggregateIdentifier", "a-" + i % 3).append("sequenceNumber", (long) i)
                .append("timestamp", DateTimeUtils.formatInstant(T0.plusSeconds(i / 2)))));

        assertThat(positions.total()).isEqualTo(30);
        assertThat(positions.after(Optional.empty())).isEqualTo(30);
        assertThat(positions.after(Optional.of(T0))).as("events at the position are passed").isEqualTo(28);
        assertThat(positions.after(Optional.of(T0.plusSeconds(10)))).isEqualTo(8);
        assertThat(positions.after(Optional.of(T0.plusSeconds(14)))).isZero();
        assertThat(positions.ofAggregate("a-1")).isEqualTo(10);
        assertThat(positions.head()).hasValueSatisfying(head -> {
            assertThat(head.timestamp()).isEqualTo(T0.plusSeconds(14));
            assertThat(head.token().getKnownEventIds()).containsExactly("e-29");
        });
    }
}
