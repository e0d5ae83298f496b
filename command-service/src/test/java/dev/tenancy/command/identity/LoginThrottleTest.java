package dev.tenancy.command.identity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.command.tenant.MutableClock;
import dev.tenancy.platform.axon.EventStoreProperties;
import dev.tenancy.platform.web.ApiProblem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The throttle on its own, with the default numbers: slow down from the 5th failure, lock from the 10th. */
class LoginThrottleTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://localhost:" + MONGO.bind().getPort());
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final LoginThrottleProperties DEFAULTS = new LoginThrottleProperties(null, null, null, null, null,
            null);
    private MutableClock clock;
    private LoginThrottle throttle;

    @BeforeEach
    void setUp() {
        CLIENT.getDatabase("throttle").drop();
        clock = new MutableClock(NOW);
        throttle = newThrottle();
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.shutdown();
    }

    @Test
    void theWaitGrowsFromTheFifthFailureAndTheTenthLocksForFifteenMinutes() {
        assertThat(DEFAULTS.waitAfter(4)).isZero();
        assertThat(DEFAULTS.waitAfter(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(DEFAULTS.waitAfter(6)).isEqualTo(Duration.ofSeconds(4));
        assertThat(DEFAULTS.waitAfter(9)).isEqualTo(Duration.ofSeconds(32));
        assertThat(DEFAULTS.waitAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(DEFAULTS.waitAfter(25)).isEqualTo(Duration.ofMinutes(15));
        var capped = new LoginThrottleProperties(1, 50, Duration.ofSeconds(10), Duration.ofMinutes(1), null, null);
        assertThat(capped.waitAfter(10)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void failuresCountUntilTheAccountMustWaitThenLocks() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("t-1", "a@x.test");
        }
        assertThat(refusal(() -> throttle.begin("t-1", "A@X.test "))).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        throttle.begin("t-1", "a@x.test");
        assertThat(refusal(() -> throttle.begin("t-1", "a@x.test"))).isEqualTo(4);
        for (long wait : new long[]{4, 8, 16, 32}) {
            clock.advance(Duration.ofSeconds(wait));
            throttle.begin("t-1", "a@x.test");
        }
        assertThat(refusal(() -> throttle.begin("t-1", "a@x.test"))).isEqualTo(900);
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(refusal(() -> throttle.begin("t-1", "a@x.test"))).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        throttle.begin("t-1", "a@x.test");
        assertThat(refusal(() -> throttle.begin("t-1", "a@x.test"))).isEqualTo(900);
        throttle.begin("t-2", "a@x.test");
        throttle.begin("t-1", "b@x.test");
    }

    @Test
    void aSuccessForgetsTheFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.begin("t-1", "a@x.test");
        }
        throttle.succeeded(throttle.begin("t-1", "a@x.test"));
        for (int i = 0; i < 4; i++) {
            throttle.begin("t-1", "a@x.test");
        }
        throttle.begin("t-1", "a@x.test");
        assertThat(refusal(() -> throttle.begin("t-1", "a@x.test"))).isEqualTo(2);
    }

    @Test
    void aCheckGivenBackDoesNotCountButLeavesEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.begin("t-1", "a@x.test");
        }
        for (int i = 0; i < 3; i++) {
            throttle.giveBack(throttle.begin("t-1", "a@x.test"));
        }
        throttle.begin("t-1", "a@x.test");
        assertThat(refusal(() -> throttle.begin("t-1", "a@x.test"))).isEqualTo(2);

        throttle.giveBack(throttle.begin("t-2", "fresh@x.test"));
        assertThat(CLIENT.getDatabase("throttle").getCollection(LoginThrottle.COLLECTION)
                .countDocuments(new org.bson.Document("_id", "t-2|fresh@x.test"))).isZero();
    }

    @Test
    void failuresAreForgottenADayAfterTheLastWait() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("t-1", "a@x.test");
        }
        clock.advance(Duration.ofHours(24).plusSeconds(2));
        for (int i = 0; i < 4; i++) {
            throttle.begin("t-1", "a@x.test");
        }
        assertThat(throttle.deleteForgotten()).isZero();
        clock.advance(Duration.ofHours(25));
        assertThat(throttle.deleteForgotten()).isEqualTo(1);
    }

    /** The count lives in MongoDB: a second instance sees it, and parallel guesses cannot slip past it. */
    @Test
    void parallelGuessesOnTwoInstancesGetNoMoreChecksThanTheLimitAllows() throws Exception {
        LoginThrottle other = newThrottle();
        List<Callable<Boolean>> guesses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LoginThrottle instance = i % 2 == 0 ? throttle : other;
            guesses.add(() -> {
                try {
                    instance.begin("t-1", "victim@x.test");
                    return true;
                } catch (ApiProblem refused) {
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int checked = 0;
        try {
            for (Future<Boolean> guess : pool.invokeAll(guesses)) {
                checked += guess.get() ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }
        assertThat(checked).isBetween(1, 5);
    }

    private LoginThrottle newThrottle() {
        return new LoginThrottle(CLIENT, new EventStoreProperties(null, "throttle", null, null, null, null), DEFAULTS,
                clock);
    }

    /** The Retry-After seconds of a refusal. */
    private static long refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable attempt) {
        List<Long> seconds = new ArrayList<>();
        assertThatThrownBy(attempt).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.code()).isEqualTo("too-many-attempts");
            assertThat(problem.status().value()).isEqualTo(429);
            seconds.add((Long) problem.properties().get("retryAfter"));
        });
        return seconds.get(0);
    }
}
