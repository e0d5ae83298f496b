package dev.tenancy.platform.security;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Revoking a user's tokens through one service's store is seen by a second service's verifier at once. */
class TokenRevocationTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://localhost:" + MONGO.bind().getPort());
    private static final JwtProperties PROPERTIES = new JwtProperties(
            "test-secret-test-secret-test-secret-0123456789", null, null, null);

    private final AccessTokens issuer = new AccessTokens(PROPERTIES, Clock.systemUTC(),
            new MongoTokenVersions(CLIENT, "shared"));
    private final AccessTokens otherService = new AccessTokens(PROPERTIES, Clock.systemUTC(),
            new MongoTokenVersions(CLIENT, "shared"));

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.shutdownNow();
    }

    @Test
    void aRevokedUsersTokensStopWorkingWhileOthersKeepWorking() {
        AuthenticatedUser alice = new AuthenticatedUser("alice", "t-1", Role.ADMIN, null);
        AuthenticatedUser bob = new AuthenticatedUser("bob", "t-1", Role.MEMBER, null);
        String aliceBefore = issuer.issue(alice);
        String bobToken = issuer.issue(bob);
        assertThat(otherService.verify(aliceBefore).isValid()).isTrue();

        long version = new MongoTokenVersions(CLIENT, "shared").revoke("alice");

        assertThat(version).isEqualTo(1);
        assertThat(otherService.verify(aliceBefore).failure()).isEqualTo("token revoked");
        assertThat(otherService.verify(bobToken).user()).isEqualTo(bob);
        String aliceAfter = issuer.issue(alice);
        assertThat(otherService.verify(aliceAfter).user()).isEqualTo(alice);
    }
}
