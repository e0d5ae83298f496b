package dev.tenancy.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.event.DomainRemovedEvent;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import dev.tenancy.api.tenant.event.TenantActivatedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.usage.ApiCallsRecordedEvent;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/audit: the tenant's own rows, filtered, paged by key, and nothing of another tenant. */
class AuditApiTest extends AuditTestSupport {

    @Test
    void tenantAdminsReadTheirOwnRowsNewestFirst() throws Exception {
        String tenantId = auditTenant("own-rows");
        String other = auditTenant("other-rows");
        List<String> ids = act(tenantId, by(tenantId, "alice", "OWNER", "corr-own"),
                new SettingsChangedEvent(tenantId, List.of(new FieldChange("timezone", "UTC", "Asia/Tokyo"))),
                new DomainRemovedEvent(tenantId, "old.example.com"));
        act(other, by(other, "mallory", "OWNER", "corr-other"), new TenantSuspendedEvent(other, "other's"));

        JsonNode page = ok(get("/api/v1/audit", ownerToken(tenantId)));
        List<String> listed = ids(page);
        assertThat(listed).hasSize(4).startsWith(ids.get(1), ids.get(0));
        assertThat(listed).containsAll(audit.eventIds(tenantId)).doesNotContainAnyElementsOf(audit.eventIds(other));
        assertThat(page.get("nextCursor").isNull()).isTrue();

        JsonNode settings = page.at("/items/1");
        assertThat(settings.get("eventId").asText()).isEqualTo(ids.get(0));
        assertThat(Instant.parse(settings.get("time").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(settings.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(settings.get("type").asText()).isEqualTo(SettingsChangedEvent.class.getName());
        assertThat(settings.get("action").asText()).isEqualTo("Settings changed");
        assertThat(settings.get("summary").asText()).isEqualTo("Settings changed: timezone");
        assertThat(settings.at("/actor/id").asText()).isEqualTo("alice");
        assertThat(settings.at("/actor/role").asText()).isEqualTo("OWNER");
        assertThat(settings.at("/target/kind").asText()).isEqualTo("tenant");
        assertThat(settings.at("/changes/0/field").asText()).isEqualTo("timezone");
        assertThat(settings.at("/changes/0/oldValue").asText()).isEqualTo("UTC");
        assertThat(settings.at("/changes/0/newValue").asText()).isEqualTo("Asia/Tokyo");
        assertThat(settings.get("clientIp").asText()).isEqualTo("203.0.113.7");
        assertThat(settings.get("correlationId").asText()).isEqualTo("corr-own");
        assertThat(settings.get("causationId").asText()).isEqualTo("cause-corr-own");
        assertThat(settings.at("/aggregate/sequence").asLong()).isEqualTo(2);
        assertThat(settings.at("/payload/changes/0/newValue").asText()).isEqualTo("Asia/Tokyo");

        assertThat(ids(ok(get("/api/v1/audit", adminToken(tenantId))))).isEqualTo(listed);
    }

    @Test
    void everyFilterNarrowsTheRows() throws Exception {
        String tenantId = auditTenant("filters");
        Map<String, Object> asRoot = by(tenantId, "root-7", "SUPERADMIN", "corr-root");
        Map<String, Object> impersonating = by(tenantId, "owner-x", "OWNER", "corr-imp");
        impersonating.put(MetadataKeys.ACTING_SUPERADMIN, "root-7");
        String settings = act(tenantId, by(tenantId, "alice", "OWNER", "corr-alice"),
                new SettingsChangedEvent(tenantId, List.of(new FieldChange("timezone", "UTC", "Europe/Paris"))))
                .get(0);
        String suspended = act(tenantId, asRoot, new TenantSuspendedEvent(tenantId, "unpaid invoices")).get(0);
        String activated = act(tenantId, impersonating, new TenantActivatedEvent(tenantId, "paid")).get(0);
        Instant suspendedAt = row(suspended).time();

        assertThat(filtered(tenantId, "actor=alice")).containsExactly(settings);
        assertThat(filtered(tenantId, "actor=root-7")).containsExactly(activated, suspended);
        assertThat(filtered(tenantId, "type=TenantSuspendedEvent")).containsExactly(suspended);
        assertThat(filtered(tenantId, "type=" + TenantActivatedEvent.class.getName())).containsExactly(activated);
        assertThat(filtered(tenantId, "action=" + encode("tenant SUSPENDED"))).containsExactly(suspended);
        assertThat(filtered(tenantId, "correlationId=corr-alice")).containsExactly(settings);
        assertThat(filtered(tenantId, "aggregateId=" + tenantId)).hasSize(5);
        assertThat(filtered(tenantId, "aggregateId=someone-else")).isEmpty();
        assertThat(filtered(tenantId, "q=PARIS")).containsExactly(settings);
        assertThat(filtered(tenantId, "q=" + encode("unpaid invoices"))).containsExactly(suspended);
        assertThat(filtered(tenantId, "from=" + suspendedAt)).contains(activated, suspended)
                .doesNotContain(settings);
        assertThat(filtered(tenantId, "to=" + suspendedAt)).contains(settings).doesNotContain(suspended, activated);
        assertThat(filtered(tenantId, "from=" + suspendedAt + "&to=" + suspendedAt.plusMillis(1) + "&actor=root-7"))
                .containsExactly(suspended);
        assertThat(filtered(tenantId, "type=TenantCreatedEvent&actor=alice")).isEmpty();
    }

    @Test
    void cursorPagingWalksEveryRowOnceInOrderWhileRowsAreAdded() throws Exception {
        String tenantId = auditTenant("paging");
        Object[] hours = new Object[118];
        for (int i = 0; i < hours.length; i++) {
            hours[i] = new ApiCallsRecordedEvent(tenantId, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * i),
                    i);
        }
        act(tenantId, by(tenantId, "system", "SYSTEM", "corr-paging"), hours);
        Set<String> all = audit.eventIds(tenantId);
        assertThat(all).hasSize(120);

        List<String> walked = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        List<String> addedMeanwhile = List.of();
        do {
            JsonNode page = ok(get("/api/v1/audit?size=50" + (cursor == null ? "" : "&cursor=" + cursor),
                    ownerToken(tenantId)));
            sizes.add(page.get("items").size());
            walked.addAll(ids(page));
            assertOrdered(page);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            if (sizes.size() == 1) {
                addedMeanwhile = act(tenantId, by(tenantId, "alice", "OWNER", "corr-late"),
                        new TenantActivatedEvent(tenantId, "late"));
            }
        } while (cursor != null);

        assertThat(sizes).containsExactly(50, 50, 20);
        assertThat(new HashSet<>(walked)).hasSize(120).isEqualTo(all);
        assertThat(walked).doesNotContainAnyElementsOf(addedMeanwhile);
        assertThat(ids(ok(get("/api/v1/audit?size=500", ownerToken(tenantId))))).hasSize(121)
                .startsWith(addedMeanwhile.get(0)).containsSequence(walked);
        assertThat(ok(get("/api/v1/audit", ownerToken(tenantId))).get("items")).as("default size").hasSize(50);
    }

    @Test
    void invalidParametersAreNamedInA400() throws Exception {
        String tenantId = auditTenant("bad-params");
        String token = ownerToken(tenantId);
        assertRefused(token, "size=0", "size");
        assertRefused(token, "size=501", "size");
        assertRefused(token, "size=ten", "size");
        assertRefused(token, "from=yesterday", "from");
        assertRefused(token, "to=2025-13-01T00:00:00Z", "to");
        assertRefused(token, "from=2025-05-02T00:00:00Z&to=2025-05-01T00:00:00Z", "to");
        assertRefused(token, "cursor=not-a-cursor", "cursor");
        assertRefused(token, "cursor=" + java.util.Base64.getUrlEncoder().encodeToString("v1:x:y".getBytes()),
                "cursor");
        assertRefused(token, "type=" + encode("Tenant Created"), "type");
        assertRefused(token, "actor=" + encode("a b"), "actor");
        assertRefused(token, "correlationId=" + encode("<script>"), "correlationId");
        assertRefused(token, "aggregateId=" + encode("{\"$ne\":1}"), "aggregateId");
        assertRefused(token, "action=" + encode("drop;table"), "action");
        assertRefused(token, "q=" + "x".repeat(201), "q");
        HttpResponse<String> several = get("/api/v1/audit?size=0&from=never&cursor=zzz", token);
        assertThat(problem(several, 400)).isEqualTo("validation-failed");
        assertThat(body(several).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("size", "from", "cursor");
        assertRefused(token, "/export?format=xml", "format");
    }

    @Test
    void aTenantAdminReadsOnlyItsOwnTenantWhateverItNames() throws Exception {
        String mine = auditTenant("mine");
        String theirs = auditTenant("theirs");
        String theirSlug = view(theirs).slug();
        act(theirs, by(theirs, "eve", "OWNER", "corr-theirs"), new TenantSuspendedEvent(theirs, "secret plans"));
        String owner = ownerToken(mine);

        for (String path : List.of("/api/v1/audit", "/api/v1/audit/export?format=csv")) {
            assertThat(problem(get(path, owner, "X-Tenant-Id", theirs), 403)).isEqualTo("tenant-mismatch");
            assertThat(problem(get(path, owner, "X-Tenant-Id", theirSlug), 403)).isEqualTo("tenant-mismatch");
            String withParam = path + (path.contains("?") ? "&" : "?") + "tenant=" + theirSlug;
            assertThat(problem(get(withParam, owner), 403)).isEqualTo("tenant-mismatch");
            assertThat(problem(get(path, memberToken(mine)), 403)).isEqualTo("forbidden");
            assertThat(problem(get(path, null), 401)).isEqualTo("unauthenticated");
            assertThat(problem(get(path, superadminToken()), 404)).isEqualTo("tenant-not-found");
        }
        JsonNode filteredOnTheirs = ok(get("/api/v1/audit?aggregateId=" + theirs + "&correlationId=corr-theirs",
                owner));
        assertThat(filteredOnTheirs.get("items")).isEmpty();
        assertThat(get("/api/v1/audit/export?format=json&q=secret", owner).body()).doesNotContain("secret plans");

        assertThat(problem(get("/api/v1/audit", ownerToken(theirs)), 403)).as("their tenant is suspended")
                .isEqualTo("tenant-suspended");
        List<String> bySlug = ids(ok(get("/api/v1/audit?tenant=" + theirSlug, superadminToken())));
        assertThat(new HashSet<>(bySlug)).isEqualTo(audit.eventIds(theirs));
        assertThat(ids(ok(get("/api/v1/audit", superadminToken(), "X-Tenant-Id", theirs)))).isEqualTo(bySlug);
    }

    static void assertOrdered(JsonNode page) {
        for (int i = 1; i < page.get("items").size(); i++) {
            JsonNode before = page.get("items").get(i - 1);
            JsonNode after = page.get("items").get(i);
            int byTime = Instant.parse(before.get("time").asText()).compareTo(Instant.parse(after.get("time").asText()));
            assertThat(byTime > 0 || byTime == 0
                    && before.get("eventId").asText().compareTo(after.get("eventId").asText()) > 0)
                    .as("newest first: %s before %s", before.get("eventId"), after.get("eventId")).isTrue();
        }
    }

    private List<String> filtered(String tenantId, String query) throws Exception {
        return ids(ok(get("/api/v1/audit?" + query, ownerToken(tenantId))));
    }

    private void assertRefused(String token, String query, String field) throws Exception {
        String path = query.startsWith("/") ? "/api/v1/audit" + query : "/api/v1/audit?" + query;
        HttpResponse<String> response = get(path, token);
        assertThat(problem(response, 400)).as(query).isEqualTo("validation-failed");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(response).get("errors").findValuesAsText("field")).as(query).containsExactly(field);
    }

    String adminToken(String tenantId) {
        return tokens.issue(new AuthenticatedUser("admin-" + tenantId, tenantId, Role.ADMIN, null));
    }

    JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("eventId").asText()));
        return ids;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
