package dev.tenancy.command.identity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.tenancy.platform.axon.EventStoreProperties;
import dev.tenancy.platform.web.ApiProblem;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * Slows down, then locks, the guessing of one account's password or second factor. Failed checks are counted per
 * (scope, normalized email) in {@code tenancy_command.login_attempts}, which every command-service instance shares.
 * Emails and tenants that do not exist are counted exactly like real ones, so no answer tells whether an account
 * exists.
 * <p>
 * A check is counted <em>before</em> it is made ({@link #begin}) and forgotten only when it succeeds
 * ({@link #succeeded}) or turns out to be no guess at all ({@link #giveBack}). Counting is a compare-and-set on the
 * document's revision, so a burst of parallel guesses cannot all pass between one read and one write: all but one
 * are refused, and a process dying mid-check leaves the failure counted.
 */
@Component
public class LoginThrottle {

    static final String COLLECTION = "login_attempts";
    private static final String FAILURES = "failures";
    private static final String NOT_BEFORE = "notBefore";
    private static final String FORGET_AT = "forgetAt";
    private static final String REVISION = "revision";
    private static final Duration RACE_WAIT = Duration.ofSeconds(1);

    private final MongoCollection<Document> attempts;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    public LoginThrottle(MongoClient client, EventStoreProperties stores, LoginThrottleProperties properties,
                         Clock clock) {
        this.attempts = client.getDatabase(stores.serviceDatabase()).getCollection(COLLECTION);
        this.attempts.createIndex(Indexes.ascending(FORGET_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts a check of this account's secret, or refuses it with 429 too-many-attempts while it has to wait. */
    public LoginAttempt begin(String scope, String email) {
        String key = scope + "|" + CredentialStore.normalizeEmail(email);
        Instant now = clock.instant();
        Document stored = attempts.find(Filters.eq("_id", key)).first();
        Document remembered = stored != null && now.isBefore(instant(stored, FORGET_AT)) ? stored : null;
        if (remembered != null && now.isBefore(instant(remembered, NOT_BEFORE))) {
            throw tooManyAttempts(Duration.between(now, instant(remembered, NOT_BEFORE)));
        }
        int failures = (remembered == null ? 0 : remembered.getInteger(FAILURES)) + 1;
        long revision = (stored == null ? 0 : stored.get(REVISION, Number.class).longValue()) + 1;
        Instant notBefore = now.plus(properties.waitAfter(failures));
        Document counted = new Document(FAILURES, failures).append(NOT_BEFORE, Date.from(notBefore))
                .append(FORGET_AT, Date.from(notBefore.plus(properties.forgetAfter()))).append(REVISION, revision);
        if (!write(key, stored, counted)) {
            throw tooManyAttempts(RACE_WAIT);
        }
        return new LoginAttempt(key, revision, remembered);
    }

    /** The check passed: the account's failures are forgotten. */
    public void succeeded(LoginAttempt attempt) {
        attempts.deleteOne(Filters.eq("_id", attempt.key()));
    }

    /**
     * The check was not a guess (a correct password that still needs its second factor): the count goes back to what
     * it was, unless another check has counted since.
     */
    public void giveBack(LoginAttempt attempt) {
        Bson mine = Filters.and(Filters.eq("_id", attempt.key()), Filters.eq(REVISION, attempt.revision()));
        if (attempt.before() == null) {
            attempts.deleteOne(mine);
            return;
        }
        Document restored = new Document(attempt.before());
        restored.remove("_id");
        restored.put(REVISION, attempt.revision() + 1);
        attempts.updateOne(mine, new Document("$set", restored));
    }

    /** Forgets accounts nobody failed on for a while; real MongoDB's TTL index does the same. */
    public long deleteForgotten() {
        return attempts.deleteMany(Filters.lte(FORGET_AT, Date.from(clock.instant()))).getDeletedCount();
    }

    private boolean write(String key, Document stored, Document counted) {
        if (stored == null) {
            try {
                attempts.insertOne(new Document("_id", key).append(FAILURES, counted.get(FAILURES))
                        .append(NOT_BEFORE, counted.get(NOT_BEFORE)).append(FORGET_AT, counted.get(FORGET_AT))
                        .append(REVISION, counted.get(REVISION)));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return attempts.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq(REVISION, stored.get(REVISION))),
                new Document("$set", counted)).getModifiedCount() == 1;
    }

    private static Instant instant(Document document, String field) {
        return document.getDate(field).toInstant();
    }

    /** The same answer whether or not the account exists: it depends only on the count. */
    private static ApiProblem tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet && servlet.getResponse() != null) {
            servlet.getResponse().setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts",
                "Too many failed sign-in checks for this account; try again in " + seconds + " seconds.")
                .with("retryAfter", seconds);
    }
}
