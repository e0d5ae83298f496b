package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.user.Role;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimeTravelApiTest extends CommandApiTestSupport {

    private static final String PATH = "/api/v1/admin/time-travel/";

    @Test
    void theStateAtEachSequenceNumberAndInstantIsRebuiltFromTheEvents() throws Exception {
        Tenant tenant = signup();
        String root = superadmin();
        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), root, "{\"plan\":\"STARTER\"}"), 200);
        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), root, "{\"plan\":\"PROFESSIONAL\"}"), 200);
        List<Document> stored = events(tenant.id());
        long starterSequence = sequenceOf(stored, "PlanChangedEvent", 0);

        JsonNode atStart = ok(send("GET", PATH + tenant.id() + "?sequence=0", root, null), 200);
        JsonNode atStarter = ok(send("GET", PATH + tenant.id() + "?sequence=" + starterSequence, root, null), 200);
        JsonNode now = ok(send("GET", PATH + tenant.id() + "?at=" + Instant.now().plusSeconds(60), root, null), 200);

        assertThat(atStart.get("sequence").asLong()).isZero();
        assertThat(atStart.get("lastEventType").asText()).isEqualTo("TenantCreatedEvent");
        assertThat(atStart.at("/state/plan").asText()).isEqualTo("FREE");
        assertThat(atStarter.at("/state/plan").asText()).isEqualTo("STARTER");
        assertThat(atStarter.get("sequence").asLong()).isEqualTo(starterSequence);
        assertThat(now.at("/state/plan").asText()).isEqualTo("PROFESSIONAL");
        assertThat(now.get("sequence").asLong()).isEqualTo(stored.size() - 1);
        assertThat(now.at("/state/tenantId").asText()).isEqualTo(tenant.id());
    }

    @Test
    void beforeTheFirstEventOrForAnUnknownAggregateThereIsNothing() throws Exception {
        Tenant tenant = signup();
        assertProblem(send("GET", PATH + tenant.id() + "?at=2000-01-01T00:00:00Z", superadmin(), null), 404,
                "aggregate-not-found");
        assertProblem(send("GET", PATH + "no-such-aggregate?sequence=3", superadmin(), null), 404,
                "aggregate-not-found");
    }

    @Test
    void badParametersAreNamedAndOnlySuperadminsMayLook() throws Exception {
        Tenant tenant = signup();
        String root = superadmin();
        assertProblem(send("GET", PATH + tenant.id(), root, null), 400, "validation-failed", "sequence");
        assertProblem(send("GET", PATH + tenant.id() + "?sequence=1&at=2020-01-01T00:00:00Z", root, null), 400,
                "validation-failed", "sequence");
        assertProblem(send("GET", PATH + tenant.id() + "?sequence=-1", root, null), 400, "validation-failed",
                "sequence");
        assertProblem(send("GET", PATH + tenant.id() + "?at=yesterday", root, null), 400, "validation-failed",
                "at");
        assertProblem(send("GET", PATH + tenant.id() + "?sequence=0", tenant.ownerToken(), null), 403, "forbidden");
        assertProblem(send("GET", PATH + tenant.id() + "?sequence=0", token(tenant, Role.ADMIN), null), 403,
                "forbidden");
        assertProblem(send("GET", PATH + tenant.id() + "?sequence=0", null, null), 401, "unauthenticated");
    }

    private static long sequenceOf(List<Document> events, String type, int occurrence) {
        return events.stream().filter(e -> e.getString("payloadType").endsWith("." + type)).skip(occurrence)
                .findFirst().orElseThrow().get("sequenceNumber", Number.class).longValue();
    }
}
