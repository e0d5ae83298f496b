package dev.tenancy.command.tenant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * Set-based validation of slugs on the command side. A slug is claimed by inserting it as a document id, so the
 * database's unique key decides concurrent signups: exactly one insert wins. This is command-side state, not a read
 * model, and is never rebuilt from a projection that could lag.
 */
@Component
public class SlugRegistry {

    private final MongoCollection<Document> slugs;
    private final Clock clock;

    public SlugRegistry(MongoClient client, EventStoreProperties properties, Clock clock) {
        this.slugs = client.getDatabase(properties.serviceDatabase()).getCollection("tenant_slugs");
        this.clock = clock;
    }

    public void claim(String slug, TenantId tenantId) {
        try {
            slugs.insertOne(new Document("_id", slug).append("tenantId", tenantId.value())
                    .append("claimedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new SlugAlreadyTakenException(slug);
            }
            throw e;
        }
    }

    /** Undoes a claim whose tenant was never created; another tenant's claim is left alone. */
    public void release(String slug, TenantId tenantId) {
        slugs.deleteOne(Filters.and(Filters.eq("_id", slug), Filters.eq("tenantId", tenantId.value())));
    }

    public Optional<TenantId> tenantOf(String slug) {
        Document claim = slugs.find(Filters.eq("_id", slug)).first();
        return Optional.ofNullable(claim).map(d -> TenantId.of(d.getString("tenantId")));
    }
}
