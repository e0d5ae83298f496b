package dev.tenancy.platform.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.platform.ratelimit.TestClock;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Which claim extensions reach the store, and that claims still change hands as Axon's token store promises. */
class RecentClaimTokenStoreTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://localhost:" + MONGO.bind().getPort());
    private static final Duration RENEW_AFTER = Duration.ofSeconds(2);
    private static final String GROUP = "usage";

    private final TestClock clock = new TestClock(Instant.parse("2030-01-01T10:00:00Z"));
    private final CountingTokenStore counting = new CountingTokenStore();
    private final RecentClaimTokenStore store = new RecentClaimTokenStore(counting, RENEW_AFTER, clock);

    @AfterAll
    static void close() {
        CLIENT.close();
        MONGO.shutdown();
    }

    @Test
    void anExtensionSoonAfterThisNodeWroteTheClaimIsLeftOut() {
        store.storeToken(token(1), GROUP, 0);
        clock.advance(RENEW_AFTER.minusMillis(1));
        store.extendClaim(GROUP, 0);
        assertThat(counting.calls).containsExactly("storeToken usage/0");

        clock.advance(Duration.ofMillis(1));
        store.extendClaim(GROUP, 0);
        store.extendClaim(GROUP, 0);
        assertThat(counting.calls).containsExactly("storeToken usage/0", "extendClaim usage/0");
    }

    @Test
    void eachSegmentOfEachProcessorCountsOnItsOwn() {
        store.fetchToken(GROUP, 0);
        store.extendClaim(GROUP, 1);
        store.extendClaim("audit", 0);
        store.extendClaim(GROUP, 0);
        assertThat(counting.calls).containsExactly("fetchToken usage/0", "extendClaim usage/1", "extendClaim audit/0");
    }

    @Test
    void afterAReleaseOrAFailedWriteTheNextExtensionIsSent() {
        store.storeToken(token(1), GROUP, 0);
        store.releaseClaim(GROUP, 0);
        store.extendClaim(GROUP, 0);

        counting.refuse = true;
        assertThatThrownBy(() -> store.storeToken(token(2), GROUP, 0)).isInstanceOf(UnableToClaimTokenException.class);
        counting.refuse = false;
        store.extendClaim(GROUP, 0);
        assertThat(counting.calls).containsExactly("storeToken usage/0", "releaseClaim usage/0", "extendClaim usage/0",
                "storeToken usage/0", "extendClaim usage/0");
    }

    /** An interface default left in place would bypass the delegate's own implementation. */
    @Test
    void everyMethodOfTheTokenStoreGoesToTheDelegate() {
        List<String> missing = new ArrayList<>();
        for (Method method : TokenStore.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            try {
                RecentClaimTokenStore.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                missing.add(method.getName() + Arrays.toString(method.getParameterTypes()));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void aClaimLeftUnrenewedStillChangesHandsAndItsFormerOwnerFindsOut() {
        String processor = "p-" + UUID.randomUUID();
        Duration timeout = Duration.ofMillis(600);
        TokenStore first = mongo(timeout, Duration.ofMillis(200));
        TokenStore second = mongo(timeout, Duration.ofMillis(200));
        first.initializeTokenSegments(processor, 1);
        first.fetchToken(processor, 0);
        first.storeToken(token(5), processor, 0);

        assertThatThrownBy(() -> second.fetchToken(processor, 0)).isInstanceOf(UnableToClaimTokenException.class);
        first.extendClaim(processor, 0);

        TrackingToken taken = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .ignoreException(UnableToClaimTokenException.class)
                .until(() -> second.fetchToken(processor, 0), token -> true);
        assertThat(taken).isEqualTo(token(5));
        assertThatThrownBy(() -> first.extendClaim(processor, 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> first.storeToken(token(6), processor, 0))
                .isInstanceOf(UnableToClaimTokenException.class);
    }

    private static TokenStore mongo(Duration claimTimeout, Duration renewAfter) {
        MongoTokenStore mongo = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(CLIENT, "tokens").build())
                .serializer(Serializers.messages())
                .claimTimeout(claimTimeout)
                .nodeId(UUID.randomUUID().toString())
                .build();
        return new RecentClaimTokenStore(mongo, renewAfter, Clock.systemUTC());
    }

    private static TrackingToken token(long index) {
        return new GlobalSequenceTrackingToken(index);
    }

    /** Records what reaches it; refuses claims when told to. */
    private static final class CountingTokenStore implements TokenStore {

        final List<String> calls = new ArrayList<>();
        boolean refuse;

        private void call(String method, String processorName, int segment) {
            calls.add(method + " " + processorName + "/" + segment);
            if (refuse) {
                throw new UnableToClaimTokenException("claimed elsewhere");
            }
        }

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            call("storeToken", processorName, segment);
        }

        @Override
        public TrackingToken fetchToken(String processorName, int segment) {
            call("fetchToken", processorName, segment);
            return null;
        }

        @Override
        public void extendClaim(String processorName, int segment) {
            call("extendClaim", processorName, segment);
        }

        @Override
        public void releaseClaim(String processorName, int segment) {
            call("releaseClaim", processorName, segment);
        }

        @Override
        public int[] fetchSegments(String processorName) {
            return new int[] {0};
        }
    }
}
