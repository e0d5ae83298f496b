package dev.tenancy.platform.apikey;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://localhost:" + MONGO.bind().getPort());

    private final MovableClock clock = new MovableClock(NOW);
    private final CountingStore store = new CountingStore();
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(store, clock);

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.shutdownNow();
    }

    @Test
    void anActiveKeyIsItsTenantsMemberWithItsScopes() {
        String keyId = UUID.randomUUID().toString();
        NewApiKey key = active(keyId, "t-1", Set.of("read", "usage:write"));

        AuthenticatedUser caller = authenticator.authenticate(key.key()).orElseThrow();

        assertThat(caller).isEqualTo(new AuthenticatedUser(keyId, "t-1", Role.MEMBER, null, ActorKind.API_KEY,
                Set.of("read", "usage:write"), false));
        assertThat(caller.isApiKey()).isTrue();
    }

    @Test
    void aWrongSecretAnUnknownPrefixAPendingOrRevokedKeyAndGarbageAreAllRejected() {
        NewApiKey good = active(UUID.randomUUID().toString(), "t-1", Set.of("read"));
        String wrongSecret = good.key().substring(0, 17) + "x".repeat(43);
        NewApiKey pending = ApiKeyFormat.generate();
        store.insertPending(UUID.randomUUID().toString(), pending, "t-1", Set.of("read"), NOW);
        String revokedId = UUID.randomUUID().toString();
        NewApiKey revoked = active(revokedId, "t-1", Set.of("read"));
        store.revoke("t-1", revokedId);

        assertThat(authenticator.authenticate(wrongSecret)).isEmpty();
        assertThat(authenticator.authenticate(ApiKeyFormat.generate().key())).isEmpty();
        assertThat(authenticator.authenticate(pending.key())).isEmpty();
        assertThat(authenticator.authenticate(revoked.key())).isEmpty();
        assertThat(authenticator.authenticate("tpk_short")).isEmpty();
        assertThat(authenticator.authenticate("")).isEmpty();
        assertThat(authenticator.authenticate(good.key())).isPresent();
    }

    @Test
    void revokingIsLimitedToTheKeysOwnTenant() {
        String keyId = UUID.randomUUID().toString();
        NewApiKey key = active(keyId, "t-1", Set.of("read"));

        store.revoke("t-2", keyId);

        assertThat(authenticator.authenticate(key.key())).isPresent();
    }

    @Test
    void theLastUseIsWrittenAtMostOnceAMinutePerKey() {
        String keyId = UUID.randomUUID().toString();
        NewApiKey key = active(keyId, "t-1", Set.of("read"));

        authenticator.authenticate(key.key());
        clock.advance(Duration.ofSeconds(30));
        authenticator.authenticate(key.key());
        authenticator.authenticate(key.key());
        assertThat(store.touches.get()).isEqualTo(1);
        assertThat(store.findById(keyId).orElseThrow().lastUsedAt()).isEqualTo(NOW);

        clock.advance(Duration.ofSeconds(30));
        authenticator.authenticate(key.key());
        assertThat(store.touches.get()).isEqualTo(2);
        assertThat(store.lastUsed("t-1")).containsEntry(keyId, NOW.plusSeconds(60));
    }

    @Test
    void aRecentUseAnotherInstanceRecordedIsNotWrittenAgain() {
        String keyId = UUID.randomUUID().toString();
        NewApiKey key = active(keyId, "t-1", Set.of("read"));
        store.touch(keyId, NOW.minusSeconds(10));
        store.touches.set(0);

        authenticator.authenticate(key.key());

        assertThat(store.touches.get()).isZero();
    }

    @Test
    void aFailingLastUseWriteDoesNotFailTheCall() {
        String keyId = UUID.randomUUID().toString();
        NewApiKey key = active(keyId, "t-1", Set.of("read"));
        store.failTouches = true;

        assertThat(authenticator.authenticate(key.key())).isPresent();
        assertThat(store.touches.get()).isEqualTo(1);
    }

    private NewApiKey active(String keyId, String tenantId, Set<String> scopes) {
        NewApiKey key = ApiKeyFormat.generate();
        assertThat(store.insertPending(keyId, key, tenantId, scopes, NOW)).isTrue();
        store.activate(keyId);
        return key;
    }

    /** The real store, counting (and on demand failing) the last-use writes. */
    private static final class CountingStore extends ApiKeyStore {
        final AtomicInteger touches = new AtomicInteger();
        boolean failTouches;

        CountingStore() {
            super(CLIENT, "shared-" + UUID.randomUUID());
        }

        @Override
        public void touch(String keyId, Instant at) {
            touches.incrementAndGet();
            if (failTouches) {
                throw new IllegalStateException("store down");
            }
            super.touch(keyId, at);
        }
    }
}
