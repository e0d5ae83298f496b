package dev.tenancy.query.usage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.tenancy.api.tenant.TenantId;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * The platform's live API call counters of the current hour ({@code api_call_counters} in the shared database, one
 * document per tenant and hour: {@code tenantId}, {@code hourStart}, {@code count}). Read only: the platform writes
 * them on the hot path and records each closed hour as an event. No document means no calls.
 */
@Component
public class ApiCallCounters {

    static final String COLLECTION = "api_call_counters";
    static final String TENANT_ID = "tenantId";
    static final String HOUR_START = "hourStart";
    static final String COUNT = "count";

    private final MongoCollection<Document> counters;

    public ApiCallCounters(MongoClient client,
                           @Value("${tenancy.usage.shared-database:tenancy_shared}") String sharedDatabase) {
        this.counters = client.getDatabase(sharedDatabase).getCollection(COLLECTION);
    }

    static Instant hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }

    long count(TenantId tenantId, Instant hourStart) {
        long total = 0;
        for (Document counter : counters.find(Filters.and(Filters.eq(TENANT_ID, tenantId.value()),
                Filters.eq(HOUR_START, Date.from(hourStart))))) {
            total += UsageDocuments.number(counter.get(COUNT));
        }
        return total;
    }

    /** Superadmin use only: every tenant's count of one hour. */
    Map<String, Long> countsOfAllTenants(Instant hourStart) {
        Map<String, Long> counts = new HashMap<>();
        counters.find(Filters.eq(HOUR_START, Date.from(hourStart))).forEach(counter ->
                counts.merge(counter.getString(TENANT_ID), UsageDocuments.number(counter.get(COUNT)), Long::sum));
        return counts;
    }
}
