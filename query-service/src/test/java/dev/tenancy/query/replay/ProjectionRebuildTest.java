package dev.tenancy.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.tenancy.api.apikey.ApiKeyCreatedEvent;
import dev.tenancy.api.impersonation.ImpersonationStartedEvent;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.*;
import dev.tenancy.api.usage.ApiCallsRecordedEvent;
import dev.tenancy.api.usage.UsageRecordedEvent;
import dev.tenancy.api.usage.UsageThresholdCrossedEvent;
import dev.tenancy.api.user.Role;
import dev.tenancy.api.user.event.UserInvitedEvent;
import dev.tenancy.query.tenant.TenantViewRepository;
import dev.tenancy.query.usage.UsageStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding projections beside their live read models, and one tenant's slice in place. */
class ProjectionRebuildTest extends ReplayTestSupport {

    private static final List<String> USAGE = List.of(UsageStore.TENANTS, UsageStore.COUNTERS, UsageStore.DAYS);

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyProcessingGroupIsRebuiltIntoNewCollectionsWithExactlyTheLiveContent() throws Exception {
        String first = tenantWithHistory("every-a");
        tenantWithHistory("every-b");
        tenant("every-c-" + UUID.randomUUID().toString().substring(0, 6), Plan.FREE);
        awaitEveryGroupCaughtUp();

        List<String> names = new ArrayList<>();
        body(get("/api/v1/admin/projections", superadminToken())).get("projections")
                .forEach(projection -> names.add(projection.get("name").asText()));
        assertThat(names).as("discovered from Axon's configuration, so new projections are covered")
                .containsExactlyInAnyOrderElementsOf(processing.eventProcessors().keySet())
                .contains("tenants", "usage", ReplayProbe.GROUP);

        for (String name : names) {
            // both kinds of processor, several segments, batches and queries smaller than the history; the bulk
            // pass (the default) for every group, the processor alone as well for the two main read models
            String options = name.equals("usage") ? "processor=tracking&segments=2&batchSize=3&fetchSize=7"
                    : "segments=3&batchSize=4&fetchSize=5";
            rebuildsWithTheLiveContent(name, "?" + options);
            if (name.equals("usage") || name.equals("tenants")) {
                rebuildsWithTheLiveContent(name, "?bulk=false&" + options);
            }
        }

        append(first, new TenantSuspendedEvent(first, "after the switch"));
        assertThat(view(first).status()).as("the live processor goes on in the new collections")
                .isEqualTo(TenantStatus.SUSPENDED);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                probeDocument(first).map(document -> document.getString("last")).orElse("")
                        .equals("TenantSuspendedEvent"));
    }

    private void rebuildsWithTheLiveContent(String name, String options) throws Exception {
        JsonNode before = projection(name);
        assertThat(before.get("rebuildable").asBoolean()).as(name + " declares its collections").isTrue();
        Map<String, String> liveBefore = collections(before);
        List<String> logical = List.copyOf(liveBefore.keySet());
        Map<String, String> content = checksums(logical);
        assertThat(content.values()).as(name).noneMatch(sum -> sum.endsWith("(0)"));

        JsonNode after = awaitRebuild(name, rebuild(name, options));

        JsonNode last = after.get("lastRebuild");
        assertThat(last.get("phase").asText()).as(last.toString()).isEqualTo("COMPLETED");
        assertThat(last.get("error").isNull()).as(last.toString()).isTrue();
        assertThat(last.get("bulk").asBoolean()).as(last.toString()).isEqualTo(!options.contains("bulk=false"));
        assertThat(last.get("bulkFinishedAt").isNull()).as(last.toString()).isEqualTo(options.contains("bulk=false"));
        assertThat(last.get("eventsDone").asLong()).isEqualTo(last.get("eventsTotal").asLong()).isPositive();
        assertThat(after.get("state").asText()).isEqualTo("LIVE");
        Map<String, String> liveAfter = collections(after);
        liveAfter.forEach((logicalName, physical) -> assertThat(physical).as(logicalName)
                .isNotEqualTo(liveBefore.get(logicalName)).matches(logicalName + "__r\\d+"));
        assertThat(checksums(logical)).as("%s rebuilt with %s: the same documents, field for field", name, options)
                .isEqualTo(content);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(registry.database().listCollectionNames().into(new ArrayList<>()))
                        .as("the replaced collections are dropped after the grace period")
                        .doesNotContainAnyElementsOf(liveBefore.values()));
    }

    @Test
    void theLiveModelIsServedWhileARebuildRunsAndItsSideEffectsAreNotRepeated() throws Exception {
        String first = tenant("served-a-" + UUID.randomUUID().toString().substring(0, 6), Plan.FREE);
        String second = tenant("served-b-" + UUID.randomUUID().toString().substring(0, 6), Plan.FREE);
        await().atMost(Duration.ofSeconds(10)).until(() -> probeDocument(second).isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.welcomed.contains(second));
        Document firstBefore = probeDocument(first).orElseThrow();
        String third;
        String rebuildId;

        probe.rebuildGate = new CountDownLatch(1);
        try {
            rebuildId = rebuild(ReplayProbe.GROUP, "?segments=2&batchSize=5");
            JsonNode running = projection(ReplayProbe.GROUP);
            assertThat(running.get("state").asText()).isEqualTo("REBUILDING");
            JsonNode rebuild = running.get("rebuild");
            assertThat(rebuild.get("id").asText()).isEqualTo(rebuildId);
            assertThat(rebuild.get("phase").asText()).isEqualTo("CATCHING_UP");
            assertThat(rebuild.get("segments").asInt()).isEqualTo(2);
            assertThat(rebuild.get("bulk").asBoolean()).as("the default").isTrue();
            assertThat(rebuild.get("bulkFinishedAt").isNull()).as("held in the bulk pass").isTrue();
            assertThat(rebuild.get("lag")).as("the bulk pass reports as one segment").hasSize(1);
            assertThat(rebuild.get("lag").get(0).get("replaying").asBoolean()).isTrue();
            assertThat(rebuild.get("batchSize").asInt()).isEqualTo(5);
            String shadow = rebuild.get("collections").get(ReplayProbe.COLLECTION).asText();
            assertThat(shadow).startsWith(ReplayProbe.COLLECTION + "__r");
            assertThat(collections(running).get(ReplayProbe.COLLECTION)).isNotEqualTo(shadow);

            assertThat(problem(send("POST", "/api/v1/admin/projections/" + ReplayProbe.GROUP + "/rebuild"), 409))
                    .isEqualTo("rebuild-running");
            assertThat(problem(send("POST", "/api/v1/admin/projections/" + ReplayProbe.GROUP + "/rebuild?tenant="
                    + first), 409)).isEqualTo("rebuild-running");

            assertThat(probeDocument(first)).as("readers get the complete live model").contains(firstBefore);
            assertThat(registry.database().getCollection(shadow).countDocuments())
                    .as("not the rebuild's, which is held at the gate").isZero();
            third = tenant("served-c-" + UUID.randomUUID().toString().substring(0, 6), Plan.FREE);
            await().atMost(Duration.ofSeconds(10)).until(() -> probeDocument(third).isPresent());
        } finally {
            probe.rebuildGate.countDown();
            probe.rebuildGate = null;
        }

        JsonNode done = awaitRebuild(ReplayProbe.GROUP, rebuildId);
        assertThat(done.get("lastRebuild").get("phase").asText()).isEqualTo("COMPLETED");
        assertThat(probeDocument(first)).contains(firstBefore);
        assertThat(probeDocument(third).orElseThrow().get("events")).isEqualTo(2);
        for (String tenant : List.of(first, second, third)) {
            assertThat(Collections.frequency(probe.welcomed, tenant))
                    .as("the @DisallowReplay handler ran once for %s, live, and never during the rebuild", tenant)
                    .isEqualTo(1);
        }
    }

    @Test
    void rebuildingOneTenantRestoresItsDocumentsAndLeavesEveryOtherTenantAlone() throws Exception {
        String damaged = tenantWithHistory("slice-a");
        String other = tenantWithHistory("slice-b");
        awaitEveryGroupCaughtUp();
        Document tenantBefore = document(damaged);
        Map<String, List<Document>> usageBefore = usageOf(damaged);
        assertThat(usageBefore.get(UsageStore.COUNTERS)).isNotEmpty();

        for (String tenant : List.of(damaged, other)) {
            registry.get(TenantViewRepository.COLLECTION).updateOne(Filters.eq("_id", tenant),
                    Updates.set("name", "damaged"));
            registry.get(UsageStore.COUNTERS).deleteMany(Filters.eq("tenantId", tenant));
        }

        JsonNode tenants = awaitRebuild("tenants", rebuild("tenants", "?tenant=" + damaged));
        JsonNode slice = tenants.get("lastRebuild");
        assertThat(slice.get("kind").asText()).isEqualTo("TENANT");
        assertThat(slice.get("tenant").asText()).isEqualTo(damaged);
        assertThat(slice.get("phase").asText()).as(slice.toString()).isEqualTo("COMPLETED");
        assertThat(slice.get("eventsDone").asLong()).isEqualTo(slice.get("eventsTotal").asLong()).isEqualTo(13);
        assertThat(awaitRebuild("usage", rebuild("usage", "?tenant=" + damaged)).get("lastRebuild").get("phase")
                .asText()).isEqualTo("COMPLETED");

        assertThat(document(damaged)).isEqualTo(tenantBefore);
        assertThat(usageOf(damaged)).isEqualTo(usageBefore);
        assertThat(document(other).getString("name")).as("other tenants are not touched").isEqualTo("damaged");
        assertThat(usageOf(other).get(UsageStore.COUNTERS)).isEmpty();
        assertThat(collections(projection("tenants")).get(TenantViewRepository.COLLECTION))
                .as("in place: no new collections").isEqualTo(registry.physical(TenantViewRepository.COLLECTION));

        awaitRebuild("tenants", rebuild("tenants", "?tenant=" + other));
        awaitRebuild("usage", rebuild("usage", "?tenant=" + other));
        assertThat(document(other).getString("name")).isEqualTo("Org " + document(other).getString("slug"));
        assertThat(usageOf(other).get(UsageStore.COUNTERS)).hasSameSizeAs(usageBefore.get(UsageStore.COUNTERS));
    }

    @Test
    void aDeletedTenantsSliceCanBeRebuiltFromItsHistory() throws Exception {
        String deleted = tenantWithHistory("slice-gone");
        Instant now = Instant.now();
        append(deleted, new TenantDeletedEvent(deleted, "closed the account", now, now.plus(Duration.ofDays(30))));
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELETED".equals(document(deleted).getString("status")));
        awaitEveryGroupCaughtUp();
        Document before = document(deleted);
        registry.get(TenantViewRepository.COLLECTION).updateOne(Filters.eq("_id", deleted),
                Updates.set("name", "damaged"));

        JsonNode slice = awaitRebuild("tenants", rebuild("tenants", "?tenant=" + deleted)).get("lastRebuild");

        assertThat(slice.get("tenant").asText()).isEqualTo(deleted);
        assertThat(slice.get("phase").asText()).as(slice.toString()).isEqualTo("COMPLETED");
        assertThat(document(deleted)).isEqualTo(before);
    }

    @Test
    void refusesUnknownProjectionsBadParametersAndEveryoneButTheSuperadmin() throws Exception {
        assertThat(problem(send("POST", "/api/v1/admin/projections/nope/rebuild"), 404))
                .isEqualTo("projection-not-found");
        assertThat(problem(get("/api/v1/admin/projections/nope", superadminToken()), 404))
                .isEqualTo("projection-not-found");
        var invalid = send("POST", "/api/v1/admin/projections/tenants/rebuild?segments=0&batchSize=x&bulk=yes");
        assertThat(problem(invalid, 400)).isEqualTo("validation-failed");
        assertThat(body(invalid).get("errors").findValuesAsText("field"))
                .containsExactly("segments", "batchSize", "bulk");
        String tenantId = tenant("owner-" + UUID.randomUUID().toString().substring(0, 6), Plan.FREE);
        assertThat(problem(get("/api/v1/admin/projections", ownerToken(tenantId)), 403)).isEqualTo("forbidden");
        assertThat(problem(get("/api/v1/admin/dead-letters", ownerToken(tenantId)), 403)).isEqualTo("forbidden");

        JsonNode paths = body(get("/v3/api-docs", null)).get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/admin/projections",
                "/api/v1/admin/projections/{name}", "/api/v1/admin/projections/{name}/rebuild",
                "/api/v1/admin/dead-letters", "/api/v1/admin/dead-letters/{group}/{sequenceId}/retry",
                "/api/v1/admin/dead-letters/{group}/{sequenceId}");
    }

    private void awaitEveryGroupCaughtUp() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> body(get("/api/v1/admin/projections",
                superadminToken())).get("projections").forEach(projection -> assertThat(projection.get("live")
                .get("eventsDone").asLong()).as(projection.toString())
                .isEqualTo(projection.get("live").get("eventsTotal").asLong())));
    }

    private Map<String, List<Document>> usageOf(String tenantId) {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        USAGE.forEach(logical -> documents.put(logical, registry.get(logical).find(Filters.eq("tenantId", tenantId))
                .sort(new Document("_id", 1)).into(new ArrayList<>())));
        return documents;
    }

    private static Map<String, String> collections(JsonNode projection) {
        Map<String, String> names = new LinkedHashMap<>();
        projection.get("collections").fields().forEachRemaining(field -> names.put(field.getKey(),
                field.getValue().asText()));
        return names;
    }

    /** A tenant that went through most kinds of event (versions 0..12), active at the end. */
    private String tenantWithHistory(String slug) {
        String tenantId = tenant(slug + "-" + UUID.randomUUID().toString().substring(0, 6), Plan.STARTER);
        var professional = PlanCatalog.terms(Plan.PROFESSIONAL).limits();
        var overrides = new LimitOverrides(Quota.of(500), null, null, null, null, null, null, null);
        Instant day = Instant.parse("2025-05-02T12:00:00Z");
        append(tenantId,
                new PlanChangedEvent(tenantId, Plan.STARTER, Plan.PROFESSIONAL, professional, professional),
                new LimitsOverriddenEvent(tenantId, LimitOverrides.none(), overrides, overrides.applyTo(professional)),
                new SettingsChangedEvent(tenantId, List.of(new FieldChange("timezone", "UTC", "Europe/Paris"))),
                new DomainRegisteredEvent(tenantId, "a." + tenantId + ".test", "t-a"),
                new UsageRecordedEvent(tenantId, Resource.USERS, 3, 3, UUID.randomUUID().toString(), day, null, 3),
                new ApiCallsRecordedEvent(tenantId, Instant.parse("2025-05-02T11:00:00Z"), 4_500),
                new UsageThresholdCrossedEvent(tenantId, Resource.API_CALLS_PER_HOUR, 80, 4_500, 5_000,
                        Instant.parse("2025-05-02T11:00:00Z")),
                new UserAddedEvent(tenantId, "owner-" + tenantId, "owner@" + tenantId + ".test", Role.OWNER),
                new UserInvitedEvent(tenantId, "inv-" + tenantId, "new@" + tenantId + ".test", Role.ADMIN,
                        day.plus(Duration.ofDays(7))),
                new ApiKeyCreatedEvent(tenantId, "key-" + tenantId, "ci", "pre" + tenantId.substring(0, 8),
                        Set.of("read"), day),
                new ImpersonationStartedEvent(tenantId, "root", "owner-" + tenantId, "support call", day,
                        day.plus(Duration.ofMinutes(10))));
        return tenantId;
    }
}
