package dev.tenancy.platform.ratelimit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.plan.Quota;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Counting, syncing and sharing one limit between instances, against an in-memory MongoDB. */
@ExtendWith(OutputCaptureExtension.class)
class ApiCallCounterTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = "mongodb://localhost:" + MONGO.bind().getPort();
    private static final MongoClient CLIENT = MongoClients.create(MONGO_URI);
    private static final MongoClient OTHER_CLIENT = MongoClients.create(MONGO_URI);
    private final TestClock clock = new TestClock(Instant.parse("2030-01-01T10:15:00Z"));
    private final String tenant = "t-" + UUID.randomUUID();

    @AfterAll
    static void close() {
        CLIENT.close();
        OTHER_CLIENT.close();
        MONGO.shutdown();
    }

    @Test
    void twoInstancesShareOneLimitPassingItByAtMostWhatEachAllowsInOneSyncInterval() {
        var first = new ApiCallCounter(new MongoApiCallCounterStore(CLIENT, "tenancy_shared"), clock);
        var second = new ApiCallCounter(new MongoApiCallCounterStore(OTHER_CLIENT, "tenancy_shared"), clock);
        Quota limit = Quota.of(100);
        int perInterval = 15;
        long allowed = 0;
        for (int interval = 0; interval < 20; interval++) {
            for (int call = 0; call < perInterval; call++) {
                allowed += first.acquire(tenant, limit).allowed() ? 1 : 0;
                allowed += second.acquire(tenant, limit).allowed() ? 1 : 0;
            }
            first.sync();
            second.sync();
        }

        assertThat(allowed).isBetween(100L, 100L + 2L * perInterval);
        assertThat(storedCount(tenant, "2030-01-01T10:00:00Z")).isEqualTo(allowed);
        assertThat(first.acquire(tenant, limit).allowed()).isFalse();
        assertThat(second.acquire(tenant, limit).allowed()).isFalse();
        assertThat(first.used(tenant)).isEqualTo(allowed);
        assertThat(second.used(tenant)).isEqualTo(allowed);
    }

    @Test
    void afterASyncAnInstanceKnowsWhatTheOthersCounted() {
        var first = new ApiCallCounter(new MongoApiCallCounterStore(CLIENT, "tenancy_shared"), clock);
        var second = new ApiCallCounter(new MongoApiCallCounterStore(OTHER_CLIENT, "tenancy_shared"), clock);
        Quota limit = Quota.of(10);
        for (int call = 0; call < 8; call++) {
            assertThat(first.acquire(tenant, limit).allowed()).isTrue();
        }
        first.sync();
        assertThat(second.acquire(tenant, limit).used()).isEqualTo(1);
        second.sync();

        assertThat(second.acquire(tenant, limit).used()).isEqualTo(10);
        ApiCallDecision refused = second.acquire(tenant, limit);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.used()).isEqualTo(10);
        assertThat(refused.remaining()).isZero();
    }

    @Test
    void theBackgroundSyncAddsCallsEveryIntervalAndOnceMoreOnShutdown() {
        var counter = new ApiCallCounter(new MongoApiCallCounterStore(CLIENT, "tenancy_shared"), clock);
        try (var context = new GenericApplicationContext()) {
            context.registerBean(ApiCallSync.class, () -> new ApiCallSync(counter, Duration.ofMillis(50)));
            context.refresh();
            counter.acquire(tenant, Quota.of(100));
            counter.acquire(tenant, Quota.of(100));
            await().atMost(Duration.ofSeconds(5)).until(() -> storedCount(tenant, "2030-01-01T10:00:00Z") == 2);
            counter.acquire(tenant, Quota.of(100));
        }
        assertThat(storedCount(tenant, "2030-01-01T10:00:00Z")).isEqualTo(3);
        assertThat(counter.unsynced()).isZero();
    }

    @Test
    void theShutdownSyncRunsAfterTheWebServerStopped() {
        var counter = new ApiCallCounter(new MongoApiCallCounterStore(CLIENT, "tenancy_shared"), clock);
        var sync = new ApiCallSync(counter, Duration.ofHours(1));
        sync.start();
        counter.acquire(tenant, Quota.unlimitedQuota());
        sync.stop();

        assertThat(sync.getPhase()).isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048);
        assertThat(sync.isRunning()).isFalse();
        assertThat(storedCount(tenant, "2030-01-01T10:00:00Z")).isEqualTo(1);
    }

    @Test
    void whatTheStoreDidNotTakeIsKeptForTheNextSyncAndWarnedAboutOnce(CapturedOutput output) {
        var store = new FlakyStore(new MongoApiCallCounterStore(CLIENT, "tenancy_shared"));
        var counter = new ApiCallCounter(store, clock);
        for (int call = 0; call < 4; call++) {
            counter.acquire(tenant, Quota.of(100));
        }
        store.down.set(true);
        counter.sync();
        counter.acquire(tenant, Quota.of(100));
        counter.sync();
        counter.sync();

        assertThat(counter.unsynced()).isEqualTo(5);
        assertThat(output.getOut().split("API call counts could not be synced", -1)).hasSize(2);
        assertThat(output.getOut()).contains("4 call(s) kept for the next sync: com.mongodb.MongoTimeoutException");

        store.down.set(false);
        counter.sync();
        assertThat(counter.unsynced()).isZero();
        assertThat(storedCount(tenant, "2030-01-01T10:00:00Z")).isEqualTo(5);
    }

    @Test
    void endedHoursAreForgottenOnceSyncedAndCountingStartsOverInTheNewHour() {
        var counter = new ApiCallCounter(new MongoApiCallCounterStore(CLIENT, "tenancy_shared"), clock);
        counter.acquire(tenant, Quota.of(1));
        assertThat(counter.acquire(tenant, Quota.of(1)).allowed()).isFalse();

        clock.set(Instant.parse("2030-01-01T11:20:00Z"));
        assertThat(counter.acquire(tenant, Quota.of(1)).allowed()).isTrue();
        counter.sync();

        assertThat(storedCount(tenant, "2030-01-01T10:00:00Z")).isEqualTo(1);
        assertThat(storedCount(tenant, "2030-01-01T11:00:00Z")).isEqualTo(1);
        clock.set(Instant.parse("2030-01-01T10:30:00Z"));
        assertThat(counter.used(tenant)).isZero();
    }

    private static long storedCount(String tenantId, String hourStart) {
        Document doc = CLIENT.getDatabase("tenancy_shared").getCollection("api_call_counters")
                .find(new Document("_id", tenantId + ":" + hourStart)).first();
        return doc == null ? 0 : ((Number) doc.get("count")).longValue();
    }

    /** The real store, unless switched off. */
    private static final class FlakyStore implements ApiCallCounterStore {
        final AtomicBoolean down = new AtomicBoolean();
        private final ApiCallCounterStore delegate;

        FlakyStore(ApiCallCounterStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Set<Integer> add(List<ApiCallIncrement> increments) {
            if (down.get()) {
                throw new com.mongodb.MongoTimeoutException("MongoDB is unreachable");
            }
            return delegate.add(increments);
        }

        @Override
        public Map<String, Long> read(Collection<String> ids) {
            return delegate.read(ids);
        }
    }
}
