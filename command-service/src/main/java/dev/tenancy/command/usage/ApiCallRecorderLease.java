package dev.tenancy.command.usage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The lease document {@code {_id: "api-call-recorder", owner, leaseUntil}}: one recorder works at a time; it renews
 * its own lease each round, and another instance takes over only once the lease has run out.
 */
final class ApiCallRecorderLease {

    static final String ID = "api-call-recorder";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> leases;
    private final String owner;
    private final Duration duration;

    ApiCallRecorderLease(MongoCollection<Document> leases, String owner, Duration duration) {
        this.leases = leases;
        this.owner = owner;
        this.duration = duration;
    }

    /**
     * Whether this instance holds the lease until {@code now + duration}. While another owner's lease runs, the
     * filter matches nothing and the upsert collides with the existing _id: not acquired.
     */
    boolean acquire(Instant now) {
        try {
            Document lease = leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", ID),
                            Filters.or(Filters.eq("owner", owner), Filters.lt("leaseUntil", Date.from(now)))),
                    Updates.combine(Updates.set("owner", owner),
                            Updates.set("leaseUntil", Date.from(now.plus(duration)))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return lease != null && owner.equals(lease.getString("owner"));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    String owner() {
        return owner;
    }
}
