package dev.tenancy.query.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.tenant.event.TenantActivatedEvent;
import dev.tenancy.query.audit.AuditProjection;
import dev.tenancy.query.audit.AuditTestSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit log is compared with the event store by event id: a normal run is complete, a lost row is found. */
class AuditCompletenessTest extends AuditTestSupport {

    @Autowired
    AuditCompleteness completeness;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aNormalRunIsComplete() throws Exception {
        String tenantId = auditTenant("complete");
        act(tenantId, by(tenantId, "alice", "OWNER", "corr-complete"), new TenantActivatedEvent(tenantId, "a"),
                new TenantActivatedEvent(tenantId, "b"));

        JsonNode report = check("?tenantId=" + tenantId);
        assertThat(report.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(report.get("storedEvents").asLong()).isEqualTo(4);
        assertThat(report.get("auditRows").asLong()).isEqualTo(4);
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("missing")).isEmpty();
        assertThat(report.get("extra")).isEmpty();
        assertThat(report.get("pending")).isEmpty();
        JsonNode bySlug = check("?tenant=" + view(tenantId).slug());
        assertThat(bySlug.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(bySlug.get("storedEvents").asLong()).isEqualTo(4);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            CompletenessReport whole = completeness.check(null);
            assertThat(whole.tenantId()).isNull();
            assertThat(whole.complete()).as("the whole store: %s", whole).isTrue();
            assertThat(whole.auditRows()).isEqualTo(whole.storedEvents()).isGreaterThanOrEqualTo(4);
        });
    }

    @Test
    void aDeletedRowIsMissingAndAnInventedOneIsExtra() throws Exception {
        String tenantId = auditTenant("incomplete");
        List<String> ids = act(tenantId, by(tenantId, "alice", "OWNER", "corr-incomplete"),
                new TenantActivatedEvent(tenantId, "lost"), new TenantActivatedEvent(tenantId, "kept"));
        String lost = ids.get(0);
        String invented = "invented-" + UUID.randomUUID();
        audit.delete(lost);
        mongo.getDatabase("tenancy_query").getCollection("audit").insertOne(new Document("_id", invented)
                .append("tenantId", tenantId).append("time", new Date()));
        try {
            JsonNode report = check("?tenantId=" + tenantId);
            assertThat(report.get("complete").asBoolean()).isFalse();
            assertThat(report.get("storedEvents").asLong()).isEqualTo(4);
            assertThat(report.get("auditRows").asLong()).isEqualTo(4);
            assertThat(report.get("missingCount").asLong()).isEqualTo(1);
            assertThat(report.get("missing").get(0).asText()).isEqualTo(lost);
            assertThat(report.get("extraCount").asLong()).isEqualTo(1);
            assertThat(report.get("extra").get(0).asText()).isEqualTo(invented);
            assertThat(report.get("pending")).as("the processor is past the lost event").isEmpty();
        } finally {
            audit.delete(invented);
            redeliver(tenantId, lost);
        }
        assertThat(check("?tenantId=" + tenantId).get("complete").asBoolean()).as("repaired by redelivery").isTrue();
    }

    @Test
    void eventsTheProcessorHasNotReachedArePendingNotMissing() throws Exception {
        String tenantId = auditTenant("pending");
        TrackingEventProcessor processor = processing.eventProcessor(AuditProjection.GROUP,
                TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        String waiting;
        try {
            waiting = publishWithoutWaiting(tenantId);
            CompletenessReport report = completeness.check(tenantId);
            assertThat(report.pending()).containsExactly(waiting);
            assertThat(report.missing()).isEmpty();
            assertThat(report.complete()).isFalse();
        } finally {
            processor.start();
        }
        awaitRows(List.of(waiting));
        assertThat(completeness.check(tenantId).complete()).isTrue();
    }

    @Test
    void onlySuperadminsCheck() throws Exception {
        String tenantId = auditTenant("check-denied");
        assertThat(problem(get("/api/v1/admin/audit/completeness", ownerToken(tenantId)), 403))
                .isEqualTo("forbidden");
        assertThat(problem(get("/api/v1/admin/audit/completeness?tenantId=x%20y", superadminToken()), 400))
                .isEqualTo("validation-failed");
    }

    private String publishWithoutWaiting(String tenantId) {
        long next = eventStore.lastSequenceNumberFor(tenantId).orElseThrow() + 1;
        var message = new GenericDomainEventMessage<>("TenantAggregate", tenantId, next,
                new TenantActivatedEvent(tenantId, "later"), MetaData.from(by(tenantId, "alice", "OWNER", "corr-pending")));
        eventStore.publish(message);
        return message.getIdentifier();
    }

    private void redeliver(String aggregateId, String eventId) throws Exception {
        DomainEventMessage<?> event = eventStore.readEvents(aggregateId).asStream()
                .filter(message -> message.getIdentifier().equals(eventId)).findFirst().orElseThrow();
        processing.eventProcessor(AuditProjection.GROUP, TrackingEventProcessor.class).orElseThrow()
                .eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
    }

    private JsonNode check(String query) throws Exception {
        HttpResponse<String> response = get("/api/v1/admin/audit/completeness" + query, superadminToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }
}
