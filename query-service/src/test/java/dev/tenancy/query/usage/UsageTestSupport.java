package dev.tenancy.query.usage;

import com.mongodb.client.MongoClient;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.usage.UsageRecordedEvent;
import dev.tenancy.query.QueryServiceTestSupport;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Tenants whose usage events are projected into both the tenants and the usage read models before a test goes on. */
abstract class UsageTestSupport extends QueryServiceTestSupport {

    @Autowired
    UsageStore usage;
    @Autowired
    MongoClient mongo;

    /** A tenant with a slug no other test uses, projected into the usage model too. */
    String usageTenant(String slug, Plan plan) {
        return usageTenant(slug, plan, Instant.now());
    }

    String usageTenant(String slug, Plan plan, Instant createdAt) {
        String unique = slug + "-" + UUID.randomUUID().toString().substring(0, 8);
        String tenantId = tenant(unique, "Org " + unique, plan, createdAt);
        awaitUsage(tenantId, 1);
        return tenantId;
    }

    /** Appends the events and waits until both read models have them. */
    long record(String tenantId, TenantMessage... events) {
        return awaitUsage(tenantId, append(tenantId, events));
    }

    long awaitUsage(String tenantId, long version) {
        await().atMost(Duration.ofSeconds(10)).until(() -> usageVersion(tenantId) >= version);
        return version;
    }

    long usageVersion(String tenantId) {
        return usage.tenant(TenantId.of(tenantId)).map(tenant -> UsageDocuments.number(tenant.get("version")))
                .orElse(-1L);
    }

    Document counter(String tenantId, Resource resource) {
        return usage.counters.find(UsageDocuments.counterId(tenantId, resource)).orElseThrow();
    }

    Optional<Document> day(String tenantId, Resource resource, LocalDate date) {
        return usage.days.find(UsageDocuments.dayId(tenantId, resource, date));
    }

    static UsageRecordedEvent used(String tenantId, Resource resource, long delta, long used, Instant occurredAt,
                                   Instant periodStart) {
        return new UsageRecordedEvent(tenantId, resource, delta, used, UUID.randomUUID().toString(), occurredAt,
                periodStart, delta);
    }

    /**
     * The platform's live counter of API calls, as it writes it. Written for the next hour too, so a test that
     * runs across the turn of an hour reads the same count.
     */
    void liveApiCalls(String tenantId, long count) {
        Instant hour = ApiCallCounters.hourOf(Instant.now());
        for (Instant start : new Instant[]{hour, hour.plus(Duration.ofHours(1))}) {
            mongo.getDatabase("tenancy_shared").getCollection(ApiCallCounters.COLLECTION).insertOne(
                    new Document("_id", tenantId + ":" + start).append("tenantId", tenantId)
                            .append("hourStart", Date.from(start)).append("count", count));
        }
    }
}
