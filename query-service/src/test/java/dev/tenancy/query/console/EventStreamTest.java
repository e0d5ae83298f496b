package dev.tenancy.query.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.tenant.event.TenantActivatedEvent;
import dev.tenancy.query.audit.AuditTestSupport;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /api/v1/admin/events/stream read by a real HTTP client: new events arrive as server-sent events. */
class EventStreamTest extends AuditTestSupport {

    @Test
    void aTailSendsEachNewEventOfItsFilterOnceInOrder() throws Exception {
        String tenantId = auditTenant("tail");
        String other = auditTenant("tail-other");
        try (Stream stream = open("/api/v1/admin/events/stream?tenantId=" + tenantId)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.contentType).startsWith("text/event-stream");
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.lines.contains(":tailing"));
            assertThat(stream.ids()).as("nothing stored before the tail opened").isEmpty();

            List<String> sent = new ArrayList<>();
            sent.addAll(act(tenantId, by(tenantId, "alice", "OWNER", "corr-tail"),
                    new TenantActivatedEvent(tenantId, "one")));
            act(other, by(other, "bob", "OWNER", "corr-tail-other"), new TenantActivatedEvent(other, "not mine"));
            sent.addAll(act(tenantId, by(tenantId, "alice", "OWNER", "corr-tail"),
                    new TenantActivatedEvent(tenantId, "two"), new TenantActivatedEvent(tenantId, "three")));

            await().atMost(Duration.ofSeconds(10)).until(() -> stream.ids().size() >= 3);
            assertThat(stream.ids()).containsExactlyElementsOf(sent);
            JsonNode last = json.readTree(stream.data().get(2));
            assertThat(last.get("eventId").asText()).isEqualTo(sent.get(2));
            assertThat(last.at("/payload/reason").asText()).isEqualTo("three");
            assertThat(last.at("/metadata/correlationId").asText()).isEqualTo("corr-tail");
            assertThat(stream.lines).contains("event:event");
        }
    }

    @Test
    void fromCatchesUpBeforeTailing() throws Exception {
        String tenantId = auditTenant("tail-from");
        Instant before = row(audit.eventIds(tenantId).iterator().next()).time().minusSeconds(1);
        List<String> stored = new ArrayList<>(audit.eventIds(tenantId));
        try (Stream stream = open("/api/v1/admin/events/stream?aggregateId=" + tenantId + "&from=" + before)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.ids().size() >= 2);
            assertThat(stream.ids()).containsExactlyInAnyOrderElementsOf(stored);
            String later = act(tenantId, by(tenantId, "alice", "OWNER", "corr-from"),
                    new TenantActivatedEvent(tenantId, "later")).get(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.ids().size() >= 3);
            assertThat(stream.ids()).hasSize(3).endsWith(later);
        }
    }

    @Test
    void onlySuperadminsMayTailAndFiltersAreChecked() throws Exception {
        String tenantId = auditTenant("tail-denied");
        assertThat(problem(get("/api/v1/admin/events/stream", ownerToken(tenantId)), 403)).isEqualTo("forbidden");
        assertThat(problem(get("/api/v1/admin/events/stream?from=later", superadminToken()), 400))
                .isEqualTo("validation-failed");
    }

    private Stream open(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + superadminToken())
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        return new Stream(response);
    }

    /** The lines a subscriber has read so far, read on a thread of its own until closed. */
    private static final class Stream implements AutoCloseable {

        final List<String> lines = new CopyOnWriteArrayList<>();
        final int status;
        final String contentType;
        private final InputStream body;
        private final ExecutorService reader = Executors.newSingleThreadExecutor();

        Stream(HttpResponse<InputStream> response) {
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("");
            body = response.body();
            reader.submit(() -> {
                try (BufferedReader lineReader = new BufferedReader(new InputStreamReader(body,
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lineReader.readLine()) != null) {
                        lines.add(line);
                    }
                }
                return null;
            });
        }

        List<String> ids() {
            return lines.stream().filter(line -> line.startsWith("id:")).map(line -> line.substring(3).trim())
                    .toList();
        }

        List<String> data() {
            return lines.stream().filter(line -> line.startsWith("data:")).map(line -> line.substring(5)).toList();
        }

        @Override
        public void close() throws Exception {
            body.close();
            reader.shutdownNow();
        }
    }
}
