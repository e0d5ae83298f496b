package dev.tenancy.query.audit;

import com.mongodb.client.MongoClient;
import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.query.QueryServiceTestSupport;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tenants whose events carry the metadata the command side attaches (actor, correlation, causation, client IP),
 * appended to the event store and awaited in the audit read model.
 */
public abstract class AuditTestSupport extends QueryServiceTestSupport {

    @Autowired
    protected AuditStore audit;
    @Autowired
    protected MongoClient mongo;

    /** A tenant with a slug no other test uses; its signup events (created, owner added) are audited. */
    protected String auditTenant(String slug) {
        String unique = slug + "-" + UUID.randomUUID().toString().substring(0, 8);
        String tenantId = tenant(unique, Plan.FREE);
        await().atMost(Duration.ofSeconds(10)).until(() -> audit.eventIds(tenantId).size() >= 2);
        return tenantId;
    }

    /** Metadata of a user's call, as the platform attaches it. */
    protected static Map<String, Object> by(String tenantId, String actorId, String role, String correlationId) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(MetadataKeys.TENANT_ID, tenantId);
        metadata.put(MetadataKeys.ACTOR_ID, actorId);
        metadata.put(MetadataKeys.ACTOR_KIND, "USER");
        metadata.put(MetadataKeys.ACTOR_ROLE, role);
        metadata.put(MetadataKeys.CORRELATION_ID, correlationId);
        metadata.put(MetadataKeys.CAUSATION_ID, "cause-" + correlationId);
        metadata.put(MetadataKeys.REQUEST_ID, "req-" + correlationId);
        metadata.put(MetadataKeys.CLIENT_IP, "203.0.113.7");
        return metadata;
    }

    /**
     * Appends the events as the tenant aggregate's next ones, with the metadata, and waits until each has its audit
     * row and the tenants read model (which decides whether the tenant is active) has them too; answers their event
     * ids in order.
     */
    protected List<String> act(String tenantId, Map<String, Object> metadata, Object... events) {
        List<String> ids = new ArrayList<>();
        long next = -1;
        for (Object event : events) {
            next = eventStore.lastSequenceNumberFor(tenantId).orElse(-1L) + 1;
            GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("TenantAggregate", tenantId,
                    next, event, MetaData.from(metadata));
            eventStore.publish(message);
            ids.add(message.getIdentifier());
        }
        awaitRows(ids);
        awaitVersion(tenantId, next);
        return ids;
    }

    protected void awaitRows(List<String> eventIds) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(eventIds)
                .allSatisfy(id -> assertThat(audit.find(id)).as("audit row of " + id).isPresent()));
    }

    protected AuditEntry row(String eventId) {
        return audit.find(eventId).orElseThrow();
    }

    /** SHA-256 over every audit row, in id order: equal checksums mean equal contents. */
    protected String checksum() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Document row : audit.all()) {
            digest.update(row.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
