package dev.tenancy.command.identity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.tenancy.command.settings.SettingsSecrets;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Authenticator (TOTP) second factors in {@code tenancy_command.second_factors}, one document per user:
 * {@code {_id: userId, state: PENDING|ENABLED, secret, lastStep, recoveryCodes}}. The secret is sealed with AES-GCM
 * under the settings key, bound to the user; recovery codes are kept only as SHA-256 hashes (80 random bits each).
 * <p>
 * A code's time step is accepted once per user: accepting moves {@code lastStep} forward by compare-and-set, so a
 * code seen by someone else, or sent twice at once, is refused. A recovery code is pulled from the list as it is
 * accepted, so it works exactly once.
 */
@Component
public class SecondFactors {

    public enum State { NONE, PENDING, ENABLED }

    static final String COLLECTION = "second_factors";
    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String STATE = "state";
    private static final String SECRET = "secret";
    private static final String LAST_STEP = "lastStep";
    private static final String RECOVERY = "recoveryCodes";

    private final MongoCollection<Document> factors;
    private final SettingsSecrets sealing;
    private final Clock clock;

    public SecondFactors(MongoClient client, EventStoreProperties stores, SettingsSecrets sealing, Clock clock) {
        this.factors = client.getDatabase(stores.serviceDatabase()).getCollection(COLLECTION);
        this.sealing = sealing;
        this.clock = clock;
    }

    public State state(String userId) {
        Document found = factors.find(Filters.eq("_id", userId)).first();
        return found == null ? State.NONE : State.valueOf(found.getString(STATE));
    }

    /** A new pending secret, replacing an unconfirmed one; empty when the second factor is already on. */
    public Optional<String> enroll(Credential credential) {
        String secret = Totp.newSecret();
        Document pending = new Document("_id", credential.userId()).append("scope", credential.scope())
                .append(STATE, State.PENDING.name()).append(SECRET, seal(credential, secret))
                .append(LAST_STEP, -1L).append(RECOVERY, List.of())
                .append("enrolledAt", Date.from(clock.instant()));
        try {
            factors.replaceOne(Filters.and(Filters.eq("_id", credential.userId()),
                    Filters.ne(STATE, State.ENABLED.name())), pending, new ReplaceOptions().upsert(true));
            return Optional.of(secret);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether {@code code} is the pending secret's current code (and its step was not used before). */
    public boolean matchesPending(Credential credential, String code) {
        return matchesTotp(credential, State.PENDING, code);
    }

    /** Switches the pending factor on and answers its recovery codes, which exist in clear only in this answer. */
    public List<String> activate(Credential credential) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] random = new byte[10];
            RANDOM.nextBytes(random);
            String code = Base32.encode(random).replaceAll("(.{4})(?!$)", "$1-");
            codes.add(code);
            hashes.add(recoveryHash(code));
        }
        long updated = factors.updateOne(Filters.and(Filters.eq("_id", credential.userId()),
                        Filters.eq(STATE, State.PENDING.name())),
                Updates.combine(Updates.set(STATE, State.ENABLED.name()), Updates.set(RECOVERY, hashes),
                        Updates.set("enabledAt", Date.from(clock.instant())))).getModifiedCount();
        if (updated != 1) {
            throw new IllegalStateException("the enrollment of " + credential.userId() + " changed meanwhile");
        }
        return codes;
    }

    /** Whether {@code code} is a current authenticator code or an unused recovery code of an enabled factor. */
    public boolean accept(Credential credential, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        String compact = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (compact.length() == Totp.DIGITS) {
            return matchesTotp(credential, State.ENABLED, compact);
        }
        return factors.updateOne(Filters.and(Filters.eq("_id", credential.userId()),
                        Filters.eq(STATE, State.ENABLED.name()), Filters.eq(RECOVERY, recoveryHash(compact))),
                Updates.pull(RECOVERY, recoveryHash(compact))).getModifiedCount() == 1;
    }

    public void remove(String userId) {
        factors.deleteOne(Filters.eq("_id", userId));
    }

    private boolean matchesTotp(Credential credential, State state, String code) {
        Document found = factors.find(Filters.and(Filters.eq("_id", credential.userId()),
                Filters.eq(STATE, state.name()))).first();
        if (found == null) {
            return false;
        }
        String secret = sealing.open(credential.scope(), field(credential), found.getString(SECRET));
        OptionalLong step = Totp.matchingStep(secret, code.trim(), clock.instant());
        if (step.isEmpty()) {
            return false;
        }
        return factors.updateOne(Filters.and(Filters.eq("_id", credential.userId()), Filters.eq(STATE, state.name()),
                        Filters.lt(LAST_STEP, step.getAsLong())), Updates.set(LAST_STEP, step.getAsLong()))
                .getModifiedCount() == 1;
    }

    private String seal(Credential credential, String secret) {
        return sealing.seal(credential.scope(), field(credential), secret);
    }

    /** Binds the sealed secret to its user: it cannot be opened as anyone else's. */
    private static String field(Credential credential) {
        return "two-factor-secret/" + credential.userId();
    }

    static String recoveryHash(String code) {
        return RefreshTokens.hash("recovery:" + code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
    }
}
