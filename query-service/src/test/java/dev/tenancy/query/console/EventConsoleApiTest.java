package dev.tenancy.query.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.event.DomainRegisteredEvent;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import dev.tenancy.api.tenant.event.TenantActivatedEvent;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.usage.ApiCallsRecordedEvent;
import dev.tenancy.api.user.Role;
import dev.tenancy.query.audit.AuditProjection;
import dev.tenancy.query.audit.AuditTestSupport;
import dev.tenancy.query.audit.EventJson;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The superadmin's event console over the event store: search, one event, correlation trace, aggregate history. */
class EventConsoleApiTest extends AuditTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void searchesTheStoreNewestFirstByEveryFilter() throws Exception {
        String tenantId = auditTenant("console");
        String other = auditTenant("console-other");
        String slug = view(tenantId).slug();
        String settings = act(tenantId, by(tenantId, "alice", "OWNER", "corr-console-1"),
                new SettingsChangedEvent(tenantId, List.of(new FieldChange("timezone", "UTC", "America/Lima"))))
                .get(0);
        String domain = act(tenantId, by(tenantId, "alice", "OWNER", "corr-console-2"),
                new DomainRegisteredEvent(tenantId, "shop.example.com", "dns-token-1")).get(0);
        act(other, by(other, "bob", "OWNER", "corr-console-other"),
                new DomainRegisteredEvent(other, "shop.example.org", "dns-token-2"));

        JsonNode mine = ok("/api/v1/admin/events?tenantId=" + tenantId);
        assertThat(ids(mine)).hasSize(4).startsWith(domain, settings);
        JsonNode newest = mine.at("/items/0");
        assertThat(newest.get("aggregateType").asText()).isEqualTo("TenantAggregate");
        assertThat(newest.get("aggregateId").asText()).isEqualTo(tenantId);
        assertThat(newest.get("sequence").asLong()).isEqualTo(3);
        assertThat(newest.get("payloadType").asText()).isEqualTo(DomainRegisteredEvent.class.getName());
        assertThat(newest.at("/payload/domain").asText()).isEqualTo("shop.example.com");
        assertThat(newest.at("/payload/verificationToken").asText()).isEqualTo(EventJson.MASK);
        assertThat(newest.at("/metadata/correlationId").asText()).isEqualTo("corr-console-2");
        assertThat(newest.at("/metadata/actorId").asText()).isEqualTo("alice");
        assertThat(Instant.parse(newest.get("timestamp").asText())).isEqualTo(row(domain).time());

        assertThat(ids(ok("/api/v1/admin/events?tenant=" + slug))).isEqualTo(ids(mine));
        assertThat(ids(ok("/api/v1/admin/events?aggregateId=" + tenantId))).isEqualTo(ids(mine));
        assertThat(ids(ok("/api/v1/admin/events?tenantId=" + tenantId + "&type=DomainRegisteredEvent")))
                .containsExactly(domain);
        assertThat(ids(ok("/api/v1/admin/events?tenantId=" + tenantId + "&type="
                + TenantCreatedEvent.class.getName()))).hasSize(1);
        assertThat(ids(ok("/api/v1/admin/events?correlationId=corr-console-1"))).containsExactly(settings);
        assertThat(ids(ok("/api/v1/admin/events?tenantId=" + tenantId + "&actor=alice")))
                .containsExactly(domain, settings);
        assertThat(ids(ok("/api/v1/admin/events?tenantId=" + tenantId + "&actor=bob"))).isEmpty();
        assertThat(ids(ok("/api/v1/admin/events?q=america%2Flima"))).containsExactly(settings);
        assertThat(ids(ok("/api/v1/admin/events?q=shop.example&from=" + row(settings).time())))
                .hasSize(2).contains(domain);
        assertThat(ids(ok("/api/v1/admin/events?tenantId=" + tenantId + "&to=" + row(settings).time())))
                .hasSize(2).doesNotContain(settings, domain);
        assertThat(ids(ok("/api/v1/admin/events?tenantId=" + tenantId + "&from=" + row(settings).time()
                + "&to=" + row(settings).time().plusMillis(1)))).containsExactly(settings);
    }

    @Test
    void aDeletedTenantsHistoryStaysSearchableByItsSlug() throws Exception {
        String tenantId = auditTenant("console-gone");
        String slug = view(tenantId).slug();
        Instant now = Instant.now();
        String deleted = act(tenantId, by(tenantId, "alice", "OWNER", "corr-console-gone"),
                new TenantDeletedEvent(tenantId, "closed", now, now.plus(Duration.ofDays(30)))).get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> view(tenantId) == null
                || view(tenantId).status() == TenantStatus.DELETED);

        JsonNode history = ok("/api/v1/admin/events?tenant=" + slug);

        assertThat(ids(history)).startsWith(deleted).hasSize(3);
    }

    @Test
    void anActorIsMatchedDirectlyOrAsTheSuperadminBehindAnImpersonation() throws Exception {
        String tenantId = auditTenant("console-actor");
        String own = act(tenantId, by(tenantId, "carol", "OWNER", "corr-actor-1"),
                new TenantActivatedEvent(tenantId, "by carol")).get(0);
        Map<String, Object> impersonated = by(tenantId, "carol", "OWNER", "corr-actor-2");
        impersonated.put(MetadataKeys.ACTING_SUPERADMIN, "root-7");
        String behind = act(tenantId, impersonated, new TenantActivatedEvent(tenantId, "by root as carol")).get(0);

        assertThat(ids(ok("/api/v1/admin/events?tenantId=" + tenantId + "&actor=carol")))
                .containsExactly(behind, own);
        assertThat(ids(ok("/api/v1/admin/events?tenantId=" + tenantId + "&actor=root-7"))).containsExactly(behind);
        assertThat(ids(ok("/api/v1/admin/events?tenantId=" + tenantId + "&actor=carol-2"))).isEmpty();
    }

    @Test
    void pagesByKeyWithoutDuplicatesOrGaps() throws Exception {
        String tenantId = auditTenant("console-pages");
        Object[] hours = new Object[23];
        for (int i = 0; i < hours.length; i++) {
            hours[i] = new ApiCallsRecordedEvent(tenantId, Instant.parse("2025-02-01T00:00:00Z").plusSeconds(3600L * i),
                    i);
        }
        act(tenantId, by(tenantId, "system", "SYSTEM", "corr-console-pages"), hours);

        List<String> walked = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok("/api/v1/admin/events?aggregateId=" + tenantId + "&size=10"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            sizes.add(page.get("items").size());
            walked.addAll(ids(page));
            assertNewestFirst(page);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(new HashSet<>(walked)).hasSize(25).isEqualTo(audit.eventIds(tenantId));
    }

    @Test
    void oneEventWithPayloadAndMetadata() throws Exception {
        String tenantId = auditTenant("console-one");
        String id = act(tenantId, by(tenantId, "alice", "OWNER", "corr-one"),
                new TenantActivatedEvent(tenantId, "all good")).get(0);

        JsonNode event = ok("/api/v1/admin/events/" + id);
        assertThat(event.get("eventId").asText()).isEqualTo(id);
        assertThat(event.at("/payload/reason").asText()).isEqualTo("all good");
        assertThat(event.at("/payload/tenantId").asText()).isEqualTo(tenantId);
        assertThat(event.at("/metadata/tenantId").asText()).isEqualTo(tenantId);
        assertThat(event.at("/metadata/clientIp").asText()).isEqualTo("203.0.113.7");

        audit.delete(id);
        assertThat(ok("/api/v1/admin/events/" + id)).as("found in the store without its audit row").isEqualTo(event);
        processorRedelivers(id, tenantId);

        HttpResponse<String> unknown = get("/api/v1/admin/events/" + UUID.randomUUID(), superadminToken());
        assertThat(problem(unknown, 404)).isEqualTo("not-found");
        assertThat(problem(get("/api/v1/admin/events/a%20b", superadminToken()), 400))
                .isEqualTo("validation-failed");
    }

    @Test
    void aCorrelationIsTracedOldestFirstAcrossTenants() throws Exception {
        String first = auditTenant("trace-a");
        String second = auditTenant("trace-b");
        String correlation = "corr-trace-" + UUID.randomUUID();
        String a = act(first, by(first, "alice", "OWNER", correlation),
                new TenantActivatedEvent(first, "one")).get(0);
        String b = act(second, by(second, "alice", "OWNER", correlation),
                new UserAddedEvent(second, "u-2", "u2@example.test", Role.MEMBER)).get(0);
        String c = act(first, by(first, "alice", "OWNER", correlation),
                new TenantActivatedEvent(first, "three")).get(0);

        JsonNode trace = ok("/api/v1/admin/correlations/" + correlation);
        assertThat(trace.get("correlationId").asText()).isEqualTo(correlation);
        assertThat(ids(trace)).containsExactly(a, b, c);
        assertThat(trace.get("truncated").asBoolean()).isFalse();
        assertThat(trace.at("/items/1/payload/email").asText()).isEqualTo("u2@example.test");
        assertThat(ok("/api/v1/admin/correlations/unknown-correlation").get("items")).isEmpty();
    }

    @Test
    void anAggregatesHistoryInSequenceOrder() throws Exception {
        String tenantId = auditTenant("history");
        Object[] hours = new Object[5];
        for (int i = 0; i < hours.length; i++) {
            hours[i] = new ApiCallsRecordedEvent(tenantId, Instant.parse("2025-03-01T00:00:00Z").plusSeconds(3600L * i),
                    i);
        }
        act(tenantId, by(tenantId, "system", "SYSTEM", "corr-history"), hours);

        JsonNode all = ok("/api/v1/admin/aggregates/" + tenantId + "/events");
        assertThat(all.get("aggregateId").asText()).isEqualTo(tenantId);
        assertThat(all.get("aggregateType").asText()).isEqualTo("TenantAggregate");
        assertThat(sequences(all)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(all.at("/items/0/payloadType").asText()).isEqualTo(TenantCreatedEvent.class.getName());
        assertThat(all.get("nextFromSequence").isNull()).isTrue();

        JsonNode window = ok("/api/v1/admin/aggregates/" + tenantId + "/events?fromSequence=2&size=3");
        assertThat(sequences(window)).containsExactly(2L, 3L, 4L);
        assertThat(window.get("nextFromSequence").asLong()).isEqualTo(5);
        assertThat(sequences(ok("/api/v1/admin/aggregates/" + tenantId + "/events?fromSequence=5&toSequence=5")))
                .containsExactly(5L);

        assertThat(problem(get("/api/v1/admin/aggregates/" + UUID.randomUUID() + "/events", superadminToken()),
                404)).isEqualTo("not-found");
        for (String bad : List.of("fromSequence=-1", "size=0", "size=1001", "fromSequence=3&toSequence=2",
                "toSequence=x")) {
            HttpResponse<String> response = get("/api/v1/admin/aggregates/" + tenantId + "/events?" + bad,
                    superadminToken());
            assertThat(problem(response, 400)).as(bad).isEqualTo("validation-failed");
        }
    }

    @Test
    void invalidFiltersAreNamed() throws Exception {
        String tenantId = auditTenant("console-bad");
        for (String[] bad : List.of(new String[]{"size=0", "size"}, new String[]{"size=501", "size"},
                new String[]{"from=soon", "from"}, new String[]{"from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z",
                        "to"}, new String[]{"cursor=abc", "cursor"}, new String[]{"type=" + encode("a;b"), "type"},
                new String[]{"correlationId=" + encode("a b"), "correlationId"},
                new String[]{"actor=" + encode("a{b"), "actor"},
                new String[]{"aggregateId=" + encode("$where"), "aggregateId"},
                new String[]{"tenantId=" + encode("x y"), "tenantId"}, new String[]{"q=" + "q".repeat(201), "q"})) {
            HttpResponse<String> response = get("/api/v1/admin/events?" + bad[0], superadminToken());
            assertThat(problem(response, 400)).as(bad[0]).isEqualTo("validation-failed");
            assertThat(body(response).get("errors").findValuesAsText("field")).as(bad[0]).containsExactly(bad[1]);
        }
        HttpResponse<String> twoTenants = get("/api/v1/admin/events?tenantId=" + UUID.randomUUID() + "&tenant="
                + view(tenantId).slug(), superadminToken());
        assertThat(problem(twoTenants, 400)).isEqualTo("validation-failed");
        assertThat(problem(get("/api/v1/admin/events?tenant=no-such-tenant-" + UUID.randomUUID(),
                superadminToken()), 404)).isEqualTo("tenant-not-found");
    }

    @Test
    void onlySuperadminsUseTheConsole() throws Exception {
        String tenantId = auditTenant("console-denied");
        String id = audit.eventIds(tenantId).iterator().next();
        for (String path : List.of("/api/v1/admin/events", "/api/v1/admin/events?tenantId=" + tenantId,
                "/api/v1/admin/events/" + id, "/api/v1/admin/correlations/x",
                "/api/v1/admin/aggregates/" + tenantId + "/events", "/api/v1/admin/events/stream",
                "/api/v1/admin/audit/completeness?tenantId=" + tenantId)) {
            assertThat(problem(get(path, ownerToken(tenantId)), 403)).as(path).isEqualTo("forbidden");
            assertThat(problem(get(path, memberToken(tenantId)), 403)).as(path).isEqualTo("forbidden");
            assertThat(problem(get(path, null), 401)).as(path).isEqualTo("unauthenticated");
        }
    }

    @Test
    void everyRouteIsDescribedInOpenApi() throws Exception {
        JsonNode paths = body(get("/v3/api-docs", null)).get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/audit", "/api/v1/audit/export",
                "/api/v1/admin/audit/completeness", "/api/v1/admin/events", "/api/v1/admin/events/{eventId}",
                "/api/v1/admin/events/stream", "/api/v1/admin/correlations/{correlationId}",
                "/api/v1/admin/aggregates/{aggregateId}/events");
        assertThat(paths.at("/~1api~1v1~1audit/get/parameters").findValuesAsText("name"))
                .containsExactly("actor", "type", "action", "correlationId", "aggregateId", "from", "to", "q",
                        "cursor", "size");
    }

    /** Puts the deleted row back the way the processor wrote it, so other tests see a complete audit log. */
    private void processorRedelivers(String eventId, String aggregateId) throws Exception {
        DomainEventMessage<?> event = eventStore.readEvents(aggregateId).asStream()
                .filter(message -> message.getIdentifier().equals(eventId)).findFirst().orElseThrow();
        processing.eventProcessor(AuditProjection.GROUP, TrackingEventProcessor.class).orElseThrow()
                .eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
        assertThat(audit.find(eventId)).isPresent();
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = get(path, superadminToken());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return body(response);
    }

    static void assertNewestFirst(JsonNode page) {
        for (int i = 1; i < page.get("items").size(); i++) {
            JsonNode before = page.get("items").get(i - 1);
            JsonNode after = page.get("items").get(i);
            int byTime = Instant.parse(before.get("timestamp").asText())
                    .compareTo(Instant.parse(after.get("timestamp").asText()));
            assertThat(byTime > 0 || byTime == 0
                    && before.get("eventId").asText().compareTo(after.get("eventId").asText()) > 0).isTrue();
        }
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("eventId").asText()));
        return ids;
    }

    private static List<Long> sequences(JsonNode history) {
        List<Long> sequences = new ArrayList<>();
        history.get("items").forEach(item -> sequences.add(item.get("sequence").asLong()));
        return sequences;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
