package dev.tenancy.platform.apikey;

import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a presented API key into its caller: the key's tenant, role MEMBER (so every route reserved to owners and
 * admins refuses keys), kind {@link ActorKind#API_KEY} and the key's scopes. Anything but an active key whose hash
 * matches is rejected alike, so a caller never learns which part was wrong.
 * <p>
 * The key's last use is written at most once per {@link #TOUCH_INTERVAL} per key and instance (and not when the
 * store already shows a use that recent), and a failed write is only logged: a busy key costs one write a minute,
 * and recording the use can never fail the call.
 */
public class ApiKeyAuthenticator {

    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticator.class);

    private final ApiKeyStore store;
    private final Clock clock;
    private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

    public ApiKeyAuthenticator(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Optional<AuthenticatedUser> authenticate(String presented) {
        Optional<StoredApiKey> key = ApiKeyFormat.prefixOf(presented).flatMap(store::findByPrefix)
                .filter(stored -> ApiKeyFormat.matches(presented, stored.hash()))
                .filter(stored -> stored.state() == ApiKeyState.ACTIVE && stored.tenantId() != null);
        key.ifPresent(this::touch);
        return key.map(stored -> new AuthenticatedUser(stored.keyId(), stored.tenantId(), Role.MEMBER, null,
                ActorKind.API_KEY, stored.scopes(), false));
    }

    private void touch(StoredApiKey key) {
        Instant now = clock.instant();
        boolean[] due = {false};
        lastTouched.compute(key.keyId(), (id, last) -> {
            Instant known = last != null ? last : key.lastUsedAt();
            if (known == null || !now.isBefore(known.plus(TOUCH_INTERVAL))) {
                due[0] = true;
                return now;
            }
            return known;
        });
        if (!due[0]) {
            return;
        }
        try {
            store.touch(key.keyId(), now);
        } catch (RuntimeException e) {
            log.warn("Could not record the last use of API key {}: {}", key.keyId(), e.toString());
        }
    }
}
