package dev.tenancy.command.usage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * One document per job in {@code usage_leases}: the instance that holds it until {@code leaseUntil} does the job;
 * it renews its own lease, and another instance takes over only after it expired (the holder died or hangs).
 */
@Component
public class UsageRolloverLease {

    public static final String ROLLOVER = "usage-rollover";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> leases;

    public UsageRolloverLease(MongoClient client, EventStoreProperties properties) {
        this.leases = client.getDatabase(properties.serviceDatabase()).getCollection("usage_leases");
    }

    /**
     * Whether {@code owner} now holds the lease of {@code job} until {@code now + duration}. When another owner holds
     * a live lease the filter matches nothing and the upsert collides with the existing document's _id: not acquired.
     */
    public boolean acquire(String job, String owner, Instant now, Duration duration) {
        try {
            leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", job),
                            Filters.or(Filters.lt("leaseUntil", Date.from(now)), Filters.eq("owner", owner))),
                    Updates.combine(Updates.set("owner", owner),
                            Updates.set("leaseUntil", Date.from(now.plus(duration)))),
                    new FindOneAndUpdateOptions().upsert(true));
            return true;
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
}
