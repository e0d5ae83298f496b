package dev.tenancy.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.TenantActivatedEvent;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A failing event parks its tenant's sequence in the group's dead-letter queue; everyone else goes on. */
class DeadLetterTest extends ReplayTestSupport {

    private static final String LETTERS = "/api/v1/admin/dead-letters";

    @AfterEach
    void heal() {
        probe.poisoned.clear();
    }

    @Test
    void aFailingEventParksOnlyItsTenantUntilItIsRetriedOrEvicted() throws Exception {
        String sick = UUID.randomUUID().toString();
        String healthy = UUID.randomUUID().toString();
        probe.poisoned.add(sick);
        create(sick);
        create(healthy);

        await().atMost(Duration.ofSeconds(10)).until(() -> probeDocument(healthy).isPresent());
        JsonNode parked = awaitParked(sick, 2);
        JsonNode failed = parked.get("letters").get(0);
        assertThat(failed.get("eventType").asText()).isEqualTo("TenantCreatedEvent");
        assertThat(failed.get("aggregateId").asText()).isEqualTo(sick);
        assertThat(failed.get("causeMessage").asText()).contains("probe fault");
        assertThat(failed.get("replay").asBoolean()).isFalse();
        assertThat(parked.get("letters").get(1).get("eventType").asText())
                .as("the tenant's next event waits behind it").isEqualTo("UserAddedEvent");
        assertThat(probeDocument(sick)).isEmpty();

        append(healthy, new TenantSuspendedEvent(healthy, "goes on"));
        append(sick, new TenantSuspendedEvent(sick, "parked too"));
        await().atMost(Duration.ofSeconds(10)).until(() -> probeEvents(healthy) == 3);
        awaitParked(sick, 3);
        assertThat(view(sick).status()).as("other groups project the tenant as usual")
                .isEqualTo(TenantStatus.SUSPENDED);
        assertThat(body(get(LETTERS + "?group=tenants", superadminToken())).get("groups").get(0).get("size")
                .asLong()).isZero();

        JsonNode stillFailing = body(send("POST", retry(sick)));
        assertThat(stillFailing.get("processed").asBoolean()).isFalse();
        assertThat(stillFailing.get("remaining").asLong()).isEqualTo(3);

        probe.poisoned.remove(sick);
        HttpResponse<String> retried = send("POST", retry(sick));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(body(retried).get("processed").asBoolean()).isTrue();
        assertThat(body(retried).get("remaining").asLong()).isZero();
        assertThat(probeEvents(sick)).isEqualTo(3);
        assertThat(sequence(sick)).isNull();

        probe.poisoned.add(sick);
        append(sick, new TenantActivatedEvent(sick, "given up on"));
        awaitParked(sick, 1);
        assertThat(send("DELETE", LETTERS + "/" + ReplayProbe.GROUP + "/" + sick).statusCode()).isEqualTo(204);
        assertThat(sequence(sick)).isNull();
        assertThat(problem(send("DELETE", LETTERS + "/" + ReplayProbe.GROUP + "/" + sick), 404))
                .isEqualTo("dead-letter-not-found");
        assertThat(problem(send("POST", retry(sick)), 404)).isEqualTo("dead-letter-not-found");
        probe.poisoned.remove(sick);
        append(sick, new TenantSuspendedEvent(sick, "flows again"));
        await().atMost(Duration.ofSeconds(10)).until(() -> probeEvents(sick) == 4);
        assertThat(probeDocument(sick).orElseThrow().getString("last")).isEqualTo("TenantSuspendedEvent");

        int welcomes = Collections.frequency(probe.welcomed, sick);
        JsonNode slice = awaitRebuild(ReplayProbe.GROUP, rebuild(ReplayProbe.GROUP, "?tenant=" + sick));
        assertThat(slice.get("lastRebuild").get("phase").asText()).isEqualTo("COMPLETED");
        assertThat(probeEvents(sick)).as("rebuilding the slice restores the evicted event").isEqualTo(5);
        assertThat(Collections.frequency(probe.welcomed, sick)).as("a slice rebuild replays: no side effects")
                .isEqualTo(welcomes);

        assertThat(problem(get(LETTERS + "?group=nope", superadminToken()), 404)).isEqualTo("projection-not-found");
        assertThat(problem(send("POST", LETTERS + "/nope/" + sick + "/retry"), 404)).isEqualTo("projection-not-found");
    }

    @Test
    void whatARebuildCannotProjectIsHandedToTheLiveQueueAndRetriedAsAReplay() throws Exception {
        String sick = UUID.randomUUID().toString();
        create(sick);
        await().atMost(Duration.ofSeconds(10)).until(() -> probeEvents(sick) == 2);
        assertThat(Collections.frequency(probe.welcomed, sick)).isEqualTo(1);

        probe.poisoned.add(sick);
        JsonNode rebuilt = awaitRebuild(ReplayProbe.GROUP, rebuild(ReplayProbe.GROUP, ""));
        JsonNode last = rebuilt.get("lastRebuild");
        assertThat(last.get("phase").asText()).as(last.toString()).isEqualTo("COMPLETED");
        assertThat(last.get("deadLetters").asLong()).isEqualTo(2);
        assertThat(rebuilt.get("deadLetters").asLong()).isEqualTo(2);
        assertThat(probeDocument(sick)).as("the rebuilt model lacks what it could not project").isEmpty();
        JsonNode parked = sequence(sick);
        assertThat(parked.get("size").asLong()).isEqualTo(2);
        assertThat(parked.get("letters").get(0).get("replay").asBoolean()).isTrue();

        probe.poisoned.remove(sick);
        assertThat(body(send("POST", retry(sick))).get("processed").asBoolean()).isTrue();
        assertThat(probeEvents(sick)).isEqualTo(2);
        assertThat(Collections.frequency(probe.welcomed, sick))
                .as("a rebuild's event retried later is still a replay: no second welcome").isEqualTo(1);
    }

    private void create(String tenantId) {
        String slug = "dl-" + tenantId.substring(0, 8);
        append(tenantId, new TenantCreatedEvent(tenantId, "Org " + slug, slug, Plan.FREE,
                        PlanCatalog.terms(Plan.FREE).limits(), Instant.now().truncatedTo(ChronoUnit.MILLIS)),
                new UserAddedEvent(tenantId, "owner-" + slug, "o@" + slug + ".test", Role.OWNER));
    }

    private long probeEvents(String tenantId) {
        return probeDocument(tenantId).map(document -> ((Number) document.get("events")).longValue()).orElse(0L);
    }

    private static String retry(String tenantId) {
        return LETTERS + "/" + ReplayProbe.GROUP + "/" + tenantId + "/retry";
    }

    private JsonNode awaitParked(String tenantId, int size) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode sequence = sequence(tenantId);
            return sequence != null && sequence.get("size").asInt() == size;
        });
        return sequence(tenantId);
    }

    /** The probe group's parked sequence of the tenant, as the API lists it; null when nothing is parked. */
    private JsonNode sequence(String tenantId) throws Exception {
        HttpResponse<String> response = get(LETTERS + "?group=" + ReplayProbe.GROUP, superadminToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode sequence : body(response).get("groups").get(0).get("sequences")) {
            if (sequence.get("sequenceId").asText().equals(tenantId)) {
                return sequence;
            }
        }
        return null;
    }
}
