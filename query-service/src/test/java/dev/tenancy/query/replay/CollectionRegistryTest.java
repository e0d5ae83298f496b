package dev.tenancy.query.replay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry of live collections: switching, the rebuild lease and retired collections. */
class CollectionRegistryTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ReplayProperties properties = new ReplayProperties(Duration.ofMinutes(10), Duration.ofSeconds(15),
            null, null, null, null, null, null, Duration.ofMinutes(1), null, null, null);
    private final CollectionRegistry registry = new CollectionRegistry(client.getDatabase("registry_test"),
            properties, clock);
    private final CollectionRegistry otherNode = new CollectionRegistry(client.getDatabase("registry_test"),
            properties, clock);

    @AfterEach
    void close() {
        registry.stop();
        otherNode.stop();
        client.close();
        server.shutdownNow();
    }

    @Test
    void aNameNobodySwitchedIsItsOwnCollectionAndASwitchMovesAllOfAGroupsCollectionsAtOnce() {
        registry.get("usage_tenants").insertOne(new Document("_id", "old"));
        assertThat(registry.physical("usage_tenants")).isEqualTo("usage_tenants");

        OptionalLong generation = registry.acquire("usage", "r1", "FULL", null);
        assertThat(generation).hasValue(1);
        assertThat(registry.switchTo("usage", "r1",
                Map.of("usage_tenants", "usage_tenants__r1", "usage_daily", "usage_daily__r1"),
                List.of("usage_tenants", "usage_daily"))).isTrue();

        assertThat(registry.physical(List.of("usage_tenants", "usage_daily")))
                .containsExactly(Map.entry("usage_tenants", "usage_tenants__r1"),
                        Map.entry("usage_daily", "usage_daily__r1"));
        assertThat(registry.get("usage_tenants").countDocuments()).isZero();
        assertThat(otherNode.physical("usage_tenants")).as("another node, before its refresh")
                .isEqualTo("usage_tenants");
        otherNode.refresh();
        assertThat(otherNode.physical("usage_tenants")).isEqualTo("usage_tenants__r1");
    }

    @Test
    void oneRebuildHoldsAGroupUntilItReleasesOrFallsSilent() {
        assertThat(registry.acquire("tenants", "first", "FULL", null)).hasValue(1);
        assertThat(otherNode.acquire("tenants", "second", "TENANT", "t-1")).isEmpty();
        assertThat(registry.acquire("usage", "other-group", "FULL", null)).as("groups are independent").hasValue(1);
        assertThat(registry.lease("tenants")).hasValueSatisfying(lease ->
                assertThat(lease.getString("id")).isEqualTo("first"));

        registry.release("tenants", "first");
        assertThat(otherNode.acquire("tenants", "second", "TENANT", "t-1")).hasValue(2);

        clock.advance(Duration.ofMinutes(2));
        assertThat(registry.lease("tenants")).as("silent past the lease timeout").isEmpty();
        assertThat(registry.acquire("tenants", "third", "FULL", null)).hasValue(3);
        assertThat(otherNode.heartbeat("tenants", "second")).as("the silent one lost its lease").isFalse();
        assertThat(otherNode.switchTo("tenants", "second", Map.of("tenants", "tenants__r2"), List.of())).isFalse();
        assertThat(registry.physical("tenants")).isEqualTo("tenants");
    }

    @Test
    void replacedCollectionsAreDueAfterTheirGracePeriod() {
        registry.acquire("tenants", "r1", "FULL", null);
        registry.switchTo("tenants", "r1", Map.of("tenants", "tenants__r1"), List.of("tenants"));
        assertThat(registry.retired()).containsExactly("tenants");
        assertThat(registry.retiredDue()).isEmpty();

        clock.advance(Duration.ofSeconds(16));
        assertThat(registry.retiredDue()).containsExactly(Map.entry("tenants", List.of("tenants")));
        registry.forgetRetired("tenants", "tenants");
        assertThat(registry.retired()).isEmpty();
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
