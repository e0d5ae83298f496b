package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Snapshots are serialized by field (aggregates have no getters) and a snapshot that cannot be read is skipped with
 * only a warning, so this proves they work: with the events before the snapshot gone, the tenant still behaves as
 * its whole history says.
 */
@TestPropertySource(properties = "tenancy.snapshot.threshold=3")
class SnapshotTest extends CommandApiTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.common.caching.Cache tenantCache;

    @Test
    void theAggregateLoadsItsWholeStateFromTheSnapshot() throws Exception {
        Tenant tenant = signup();
        String admin = "/api/v1/tenants/" + tenant.id();
        String domain = "snap-" + tenant.slug() + ".example.com";
        String settings = "{\"timezone\":\"Asia/Tokyo\",\"security\":{\"sessionTimeoutMinutes\":45,"
                + "\"ipAllowList\":[\"10.0.0.0/8\",\"127.0.0.0/8\",\"::1\"]},"
                + "\"compliance\":{\"retentionDays\":{\"messages\":30}}}";
        ok(send("PATCH", admin, superadmin(), "{\"plan\":\"STARTER\"}"), 200);
        ok(send("PATCH", admin, superadmin(), "{\"features\":{\"WHITE_LABEL\":true}}"), 200);
        String invitation = "{\"email\":\"snap@" + tenant.slug() + ".test\",\"role\":\"MEMBER\"}";
        ok(send("POST", "/api/v1/tenants/current/invitations", tenant.ownerToken(), invitation), 201);
        String token = ok(send("POST", "/api/v1/tenants/current/domains", tenant.ownerToken(),
                "{\"domain\":\"" + domain + "\"}"), 201).get("verificationToken").asText();
        ok(send("PATCH", "/api/v1/tenants/current/settings", tenant.ownerToken(), settings), 200);
        JsonNode suspended = ok(send("PATCH", admin, superadmin(), "{\"status\":\"SUSPENDED\",\"reason\":\"x\"}"),
                200);
        long lastEvent = suspended.get("version").asLong();

        // With the aggregate cache, snapshots follow the events applied since the tenant was cached, so the
        // latest one need not be at the last event: delete what it covers and forget the cached tenant.
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotSequence(tenant.id()) >= 3);
        long covered = snapshotSequence(tenant.id());
        MongoCollection<Document> events = mongo.getDatabase("tenancy_events").getCollection("domainevents");
        events.deleteMany(new Document("aggregateIdentifier", tenant.id())
                .append("sequenceNumber", new Document("$lte", covered)));
        assertThat(events(tenant.id())).hasSize((int) (lastEvent - covered));
        tenantCache.removeAll();

        assertProblem(send("PATCH", admin, superadmin(), "{\"status\":\"SUSPENDED\",\"reason\":\"again\"}"), 409,
                "invalid-status-transition");
        assertThat(ok(send("PATCH", admin, superadmin(), "{\"status\":\"ACTIVE\",\"reason\":\"paid\"}"), 200)
                .get("version").asLong()).isEqualTo(lastEvent + 1);
        assertThat(ok(send("PATCH", admin, superadmin(), "{\"plan\":\"STARTER\"}"), 200).get("version").asLong())
                .as("the plan came back from the snapshot").isEqualTo(lastEvent + 1);
        assertThat(ok(send("PATCH", "/api/v1/tenants/current/settings", tenant.ownerToken(), settings), 200)
                .get("changed")).as("the settings came back with their types").isEmpty();
        ok(send("PATCH", "/api/v1/tenants/current/branding", tenant.ownerToken(), "{\"primaryColor\":\"#000\"}"),
                200);
        dns.publish(domain, token);
        ok(send("POST", "/api/v1/tenants/current/domains/" + domain + "/verify", tenant.ownerToken(), null), 200);
        assertProblem(send("POST", "/api/v1/tenants/current/invitations", tenant.ownerToken(), invitation), 409,
                "already-invited");
    }

    /**
     * A snapshot written before the members had their own state lacks it; it must not be loaded, or the tenant would
     * forget its members and invitations. Such a snapshot has no revision: it is skipped and the events replayed.
     */
    @Test
    void aSnapshotOfAnEarlierLayoutIsIgnored() throws Exception {
        Tenant tenant = signup();
        String invitation = "{\"email\":\"kept@" + tenant.slug() + ".test\",\"role\":\"MEMBER\"}";
        ok(send("POST", "/api/v1/tenants/current/invitations", tenant.ownerToken(), invitation), 201);
        for (String plan : new String[]{"STARTER", "FREE", "STARTER"}) {
            ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"plan\":\"" + plan + "\"}"), 200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotSequence(tenant.id()) >= 4);
        MongoCollection<Document> snapshots = mongo.getDatabase("tenancy_events").getCollection("snapshotevents");
        Document snapshot = snapshots.find(new Document("aggregateIdentifier", tenant.id())).first();
        assertThat(snapshot.getString("payloadRevision")).isEqualTo("2");
        Object payload = snapshot.get("serializedPayload");
        Document earlier = Document.parse(payload instanceof String text ? text : ((Document) payload).toJson());
        earlier.remove("members");
        snapshots.updateMany(new Document("aggregateIdentifier", tenant.id()), new Document("$set",
                new Document("serializedPayload", payload instanceof String ? earlier.toJson() : earlier)
                        .append("payloadRevision", null)));
        tenantCache.removeAll();

        assertProblem(send("POST", "/api/v1/tenants/current/invitations", tenant.ownerToken(), invitation), 409,
                "already-invited");
    }

    private long snapshotSequence(String tenantId) {
        Document snapshot = mongo.getDatabase("tenancy_events").getCollection("snapshotevents")
                .find(new Document("aggregateIdentifier", tenantId)).sort(new Document("sequenceNumber", -1))
                .first();
        return snapshot == null ? -1 : snapshot.get("sequenceNumber", Number.class).longValue();
    }
}
