package dev.tenancy.command.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.command.tenant.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Closed hours of the shared counters become exactly one ApiCallsRecordedEvent each; open hours wait. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=command-service",
        "tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
        "tenancy.password.bcrypt-strength=4",
        "tenancy.health.kafka.enabled=false",
        "tenancy.usage.kafka.enabled=false",
        "tenancy.event-stream.enabled=false",
        "tenancy.rate-limit.record-interval=1h"})
@Import(ApiCallRecorderTest.Clocks.class)
class ApiCallRecorderTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = "mongodb://localhost:" + MONGO.bind().getPort();
    private static final String RECORDED_EVENT = "dev.tenancy.api.usage.ApiCallsRecordedEvent";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;
    @Autowired
    MutableClock clock;
    @Autowired
    ApiCallRecorder recorder;
    @Autowired
    AccessTokens tokens;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO_URI);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now());
        }
    }

    @BeforeEach
    void noLease() {
        mongo.getDatabase("tenancy_shared").getCollection("leases").deleteMany(new Document());
    }

    @Test
    void eachClosedHourIsRecordedExactlyOnceAndOpenHoursWait() throws Exception {
        clock.set(Instant.parse("2031-03-01T10:01:00Z"));
        String tenant = signup();
        counter(tenant, "2031-03-01T08:00:00Z", 42);
        counter(tenant, "2031-03-01T09:00:00Z", 7);
        counter(tenant, "2031-03-01T10:00:00Z", 3);

        assertThat(recorder.recordClosedHours()).isGreaterThanOrEqualTo(1);
        assertThat(recorder.recordClosedHours()).isZero();

        assertThat(recordedEvents(tenant)).containsExactly("2031-03-01T08:00:00Z=42");
        assertThat(recorded(tenant, "2031-03-01T08:00:00Z")).isTrue();
        assertThat(recorded(tenant, "2031-03-01T09:00:00Z")).isFalse();

        clock.set(Instant.parse("2031-03-01T10:02:01Z"));
        recorder.recordClosedHours();

        assertThat(recordedEvents(tenant)).containsExactly("2031-03-01T08:00:00Z=42", "2031-03-01T09:00:00Z=7");
        assertThat(recorded(tenant, "2031-03-01T10:00:00Z")).isFalse();
    }

    @Test
    void hoursOfDeletedAndUnknownTenantsAreSettledWithoutAnEvent() throws Exception {
        clock.set(Instant.parse("2031-06-01T10:30:00Z"));
        String deleted = signup();
        HttpResponse<String> deletion = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/tenants/" + deleted))
                .header("Authorization", "Bearer " + tokens.issue(new AuthenticatedUser("root", null,
                        Role.SUPERADMIN, null)))
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"reason\":\"closed account\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deletion.statusCode()).as(deletion.body()).isEqualTo(200);
        String unknown = "ghost-" + UUID.randomUUID();
        counter(deleted, "2031-06-01T08:00:00Z", 4);
        counter(unknown, "2031-06-01T08:00:00Z", 5);

        assertThat(recorder.recordClosedHours()).isGreaterThanOrEqualTo(2);

        assertThat(recorded(deleted, "2031-06-01T08:00:00Z")).isTrue();
        assertThat(recorded(unknown, "2031-06-01T08:00:00Z")).isTrue();
        assertThat(recordedEvents(deleted)).isEmpty();
        assertThat(recordedEvents(unknown)).isEmpty();
    }

    @Test
    void anHourSentAgainAfterACrashIsNotRecordedTwice() throws Exception {
        clock.set(Instant.parse("2031-04-01T10:30:00Z"));
        String tenant = signup();
        counter(tenant, "2031-04-01T07:00:00Z", 12);
        recorder.recordClosedHours();
        counters().updateOne(Filters.eq("_id", tenant + ":2031-04-01T07:00:00Z"),
                new Document("$set", new Document("recorded", false)));

        recorder.recordClosedHours();

        assertThat(recordedEvents(tenant)).containsExactly("2031-04-01T07:00:00Z=12");
        assertThat(recorded(tenant, "2031-04-01T07:00:00Z")).isTrue();
    }

    @Test
    void whileAnotherInstanceHoldsTheLeaseNothingIsRecorded() throws Exception {
        clock.set(Instant.parse("2031-05-01T10:30:00Z"));
        String tenant = signup();
        counter(tenant, "2031-05-01T08:00:00Z", 9);
        mongo.getDatabase("tenancy_shared").getCollection("leases").replaceOne(Filters.eq("_id", "api-call-recorder"),
                new Document("_id", "api-call-recorder").append("owner", "command-service/other")
                        .append("leaseUntil", Date.from(Instant.parse("2031-05-01T10:33:00Z"))),
                new ReplaceOptions().upsert(true));

        assertThat(recorder.recordClosedHours()).isEqualTo(-1);
        assertThat(recordedEvents(tenant)).isEmpty();
        assertThat(recorded(tenant, "2031-05-01T08:00:00Z")).isFalse();

        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThat(recorder.recordClosedHours()).isGreaterThanOrEqualTo(1);
        assertThat(recordedEvents(tenant)).containsExactly("2031-05-01T08:00:00Z=9");
        Document lease = mongo.getDatabase("tenancy_shared").getCollection("leases")
                .find(Filters.eq("_id", "api-call-recorder")).first();
        assertThat(lease.getString("owner")).startsWith("command-service/").isNotEqualTo("command-service/other");
    }

    private String signup() throws Exception {
        String slug = "rec-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/tenants/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Rec\",\"slug\":\"" + slug
                        + "\",\"ownerEmail\":\"o@" + slug + ".test\",\"ownerPassword\":\"correct-horse-42\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("tenantId").asText();
    }

    private void counter(String tenantId, String hourStart, long count) {
        counters().insertOne(new Document("_id", tenantId + ":" + hourStart).append("tenantId", tenantId)
                .append("hourStart", Date.from(Instant.parse(hourStart))).append("count", count));
    }

    private boolean recorded(String tenantId, String hourStart) {
        Document doc = counters().find(Filters.eq("_id", tenantId + ":" + hourStart)).first();
        return doc != null && Boolean.TRUE.equals(doc.getBoolean("recorded"));
    }

    private MongoCollection<Document> counters() {
        return mongo.getDatabase("tenancy_shared").getCollection("api_call_counters");
    }

    /** The tenant's ApiCallsRecordedEvents as hourStart=count, in order. */
    private List<String> recordedEvents(String tenantId) throws Exception {
        List<String> events = new ArrayList<>();
        for (Document event : mongo.getDatabase("tenancy_events").getCollection("domainevents")
                .find(Filters.and(Filters.eq("aggregateIdentifier", tenantId), Filters.eq("payloadType",
                        RECORDED_EVENT))).sort(new Document("sequenceNumber", 1))) {
            JsonNode payload = json.readTree(event.getString("serializedPayload"));
            events.add(payload.get("hourStart").asText() + "=" + payload.get("count").asLong());
        }
        return events;
    }
}
