package dev.tenancy.command.tenant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Custom domains are unique across tenants: claimed by inserting the domain as a document id, like slugs. A deleted
 * tenant's claims stay until their reservation ends; then a new claim may take them over.
 */
@Component
public class DomainRegistry {

    private final MongoCollection<Document> domains;
    private final Clock clock;

    public DomainRegistry(MongoClient client, EventStoreProperties properties, Clock clock) {
        this.domains = client.getDatabase(properties.serviceDatabase()).getCollection("tenant_domains");
        this.clock = clock;
    }

    public void claim(String domain, String tenantId) {
        Document claim = new Document("_id", domain).append("tenantId", tenantId)
                .append("claimedAt", Date.from(clock.instant()));
        try {
            domains.insertOne(claim);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document expired = domains.findOneAndReplace(Filters.and(Filters.eq("_id", domain),
                    Filters.lt("reservedUntil", Date.from(clock.instant()))), claim);
            if (expired == null) {
                throw TenantRuleViolation.domainTaken(domain);
            }
        }
    }

    public void release(String domain, String tenantId) {
        domains.deleteOne(Filters.and(Filters.eq("_id", domain), Filters.eq("tenantId", tenantId)));
    }

    public void reserveUntil(String tenantId, Instant until) {
        domains.updateMany(Filters.eq("tenantId", tenantId), Updates.set("reservedUntil", Date.from(until)));
    }

    public Optional<String> tenantOf(String domain) {
        return Optional.ofNullable(domains.find(Filters.eq("_id", domain)).first()).map(d -> d.getString("tenantId"));
    }
}
