package dev.tenancy.command.tenant;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.usage.UsageOutcome;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MongoUsageOutcomeStoreTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://localhost:" + MONGO.bind().getPort());
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final UsageOutcome REFUSED = new UsageOutcome("t-1", Resource.CAMPAIGNS, false, 2, 0, 9,
            Quota.of(10), "limit-exceeded", false);
    private static final UsageOutcome ACCEPTED = new UsageOutcome("t-1", Resource.STORAGE, true, -500, -100, 0,
            Quota.unlimitedQuota(), null, false);
    private MutableClock clock;
    private MongoUsageOutcomeStore store;

    @BeforeEach
    void setUp() {
        CLIENT.getDatabase("outcomes").drop();
        clock = new MutableClock(NOW);
        store = new MongoUsageOutcomeStore(CLIENT,
                new EventStoreProperties(null, "outcomes", null, null, null, null), clock);
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.shutdown();
    }

    @Test
    void outcomesComeBackAsSavedPerTenantAndKey() {
        store.save("t-1", "k1", REFUSED, NOW);
        store.save("t-1", "k2", ACCEPTED, NOW);
        store.save("t-1", "k2", ACCEPTED, NOW);

        assertThat(store.find("t-1", "k1")).contains(REFUSED);
        assertThat(store.find("t-1", "k2")).contains(ACCEPTED);
        assertThat(store.find("t-2", "k1")).isEmpty();
        assertThat(CLIENT.getDatabase("outcomes").getCollection("usage_outcomes").countDocuments()).isEqualTo(2);
    }

    @Test
    void anOutcomePastTheKeyMemoryIsNotAnsweredAndIsDeletedByTheCleanup() {
        store.save("t-1", "old", REFUSED, NOW);
        store.save("t-1", "young", ACCEPTED, NOW.plus(Duration.ofHours(30)));
        clock.advance(UsageLedger.KEY_MEMORY.plusMinutes(1));

        assertThat(store.find("t-1", "old")).isEmpty();
        assertThat(store.find("t-1", "young")).contains(ACCEPTED);
        new UsageOutcomeCleanup(store, clock).scheduled();
        assertThat(CLIENT.getDatabase("outcomes").getCollection("usage_outcomes").countDocuments()).isEqualTo(1);
        assertThat(store.deleteOlderThan(NOW.plus(Duration.ofDays(3)))).isEqualTo(1);
    }

    @Test
    void aBatchIsSavedInOneWriteAndFoundInOneQueryWithinTheKeyMemory() {
        store.save("t-2", "k1", ACCEPTED, NOW);
        store.saveAll("t-1", List.of(new DecidedOutcome("k1", REFUSED, NOW),
                new DecidedOutcome("k2", ACCEPTED, NOW.plus(Duration.ofHours(30))),
                new DecidedOutcome("k1", REFUSED, NOW)));
        store.saveAll("t-1", List.of());

        assertThat(store.findAll("t-1", List.of("k1", "k2", "k3"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("k1", REFUSED, "k2", ACCEPTED));
        assertThat(store.findAll("t-1", List.of())).isEmpty();
        assertThat(CLIENT.getDatabase("outcomes").getCollection("usage_outcomes").countDocuments()).isEqualTo(3);
        clock.advance(UsageLedger.KEY_MEMORY.plusMinutes(1));
        assertThat(store.findAll("t-1", List.of("k1", "k2"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("k2", ACCEPTED));
    }
}
