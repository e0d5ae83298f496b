package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.user.Role;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TenantAdminApiTest extends CommandApiTestSupport {

    @Test
    void aSuperadminChangesPlanLimitsFeaturesAndStatusInThatOrder() throws Exception {
        Tenant tenant = signup();
        HttpResponse<String> response = send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(),
                "{\"status\":\"SUSPENDED\",\"reason\":\"unpaid\",\"features\":{\"AB_TESTING\":true},"
                        + "\"limits\":{\"users\":{\"unlimited\":false,\"max\":500},\"webhooks\":{\"unlimited\":true},"
                        + "\"campaigns\":null,\"customIntegrations\":true},\"plan\":\"starter\"}");

        JsonNode body = ok(response, 200);
        assertThat(body.get("tenantId").asText()).isEqualTo(tenant.id());
        assertThat(body.get("version").asLong()).isEqualTo(6);
        assertThat(response.headers().firstValue("X-Tenant-Version")).contains("6");
        assertThat(eventTypes(tenant.id())).containsExactly("TenantCreatedEvent", "UserAddedEvent",
                "dev.tenancy.api.usage.UsageRecordedEvent", "PlanChangedEvent", "LimitsOverriddenEvent",
                "FeaturesOverriddenEvent", "TenantSuspendedEvent");
        JsonNode limits = payload(events(tenant.id()).get(4));
        assertThat(limits.at("/limits/users/max").asLong()).isEqualTo(500);
        assertThat(limits.at("/limits/webhooks/unlimited").asBoolean()).isTrue();
        assertThat(limits.at("/limits/campaigns/max").asLong()).as("STARTER's own").isEqualTo(50);
        assertThat(limits.at("/limits/customIntegrations").asBoolean()).isTrue();
        assertThat(payload(events(tenant.id()).get(6)).get("reason").asText()).isEqualTo("unpaid");
    }

    @Test
    void anUnchangedPlanStoresNothingAndAnswersTheCurrentVersion() throws Exception {
        Tenant tenant = signup();
        long before = eventCount();
        JsonNode body = ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"plan\":\"FREE\"}"), 200);
        assertThat(body.get("version").asLong()).isEqualTo(2);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void badPatchesAreRefusedNamingTheFieldAndStoreNothing() throws Exception {
        Tenant tenant = signup();
        String path = "/api/v1/tenants/" + tenant.id();
        long before = eventCount();
        assertProblem(send("PATCH", path, superadmin(), "{\"status\":\"SUSPENDED\"}"), 400, "validation-failed",
                "reason");
        assertProblem(send("PATCH", path, superadmin(), "{\"status\":\"SUSPENDED\",\"reason\":\"  \"}"), 400,
                "validation-failed", "reason");
        assertProblem(send("PATCH", path, superadmin(), "{\"status\":\"DELETED\",\"reason\":\"x\"}"), 400,
                "validation-failed", "status");
        assertProblem(send("PATCH", path, superadmin(), "{\"status\":\"ARCHIVED\",\"reason\":\"x\"}"), 400,
                "validation-failed", "status");
        assertProblem(send("PATCH", path, superadmin(), "{\"plan\":\"GOLD\"}"), 400, "validation-failed", "plan");
        assertProblem(send("PATCH", path, superadmin(), "{\"features\":{\"TELEPORT\":true}}"), 400,
                "validation-failed", "features.TELEPORT");
        assertProblem(send("PATCH", path, superadmin(), "{\"features\":{\"AB_TESTING\":\"yes\"}}"), 400,
                "validation-failed", "features.AB_TESTING");
        assertProblem(send("PATCH", path, superadmin(), "{\"limits\":{\"seats\":{\"max\":3}}}"), 400,
                "validation-failed", "limits.seats");
        assertProblem(send("PATCH", path, superadmin(), "{\"limits\":{\"users\":{\"unlimited\":true,\"max\":3}}}"),
                400, "validation-failed", "limits.users.max");
        assertProblem(send("PATCH", path, superadmin(), "{\"limits\":{\"users\":{\"max\":-1}}}"), 400,
                "validation-failed", "limits.users.max");
        assertProblem(send("PATCH", path, superadmin(), "{\"limits\":{\"users\":{\"max\":3,\"min\":1}}}"), 400,
                "validation-failed", "limits.users.min");
        assertProblem(send("PATCH", path, superadmin(), "{\"plan\":\"PROFESSIONAL\",\"reason\":\"x\"}"), 400,
                "validation-failed", "reason");
        assertProblem(send("PATCH", path, superadmin(), "{}"), 400, "validation-failed", "plan", "status");
        assertProblem(send("PATCH", path, superadmin(), "{\"plan\":\"STARTER\",\"colour\":\"red\"}"), 400,
                "unknown-field", "colour");
        JsonNode problem = assertProblem(send("PATCH", path, superadmin(),
                "{\"plan\":\"GOLD\",\"features\":{\"X\":true},\"status\":\"ACTIVE\"}"), 400, "validation-failed",
                "plan", "features.X", "reason");
        assertThat(problem.get("errors")).hasSize(3);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void onlySuperadminsChangeTenantsAndOnlyExistingOnes() throws Exception {
        Tenant tenant = signup();
        String path = "/api/v1/tenants/" + tenant.id();
        long before = eventCount();
        assertProblem(send("PATCH", path, null, "{\"plan\":\"ENTERPRISE\"}"), 401, "unauthenticated");
        assertProblem(send("PATCH", path, tenant.ownerToken(), "{\"plan\":\"ENTERPRISE\"}"), 403, "forbidden");
        assertProblem(send("DELETE", path, token(tenant, Role.ADMIN), "{\"reason\":\"x\"}"), 403, "forbidden");
        assertProblem(send("PATCH", "/api/v1/tenants/no-such-tenant", superadmin(), "{\"plan\":\"STARTER\"}"),
                404, "tenant-not-found");
        assertProblem(send("DELETE", "/api/v1/tenants/no-such-tenant", superadmin(), "{\"reason\":\"x\"}"), 404,
                "tenant-not-found");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void statusTransitionsThatMakeNoSenseAreConflicts() throws Exception {
        Tenant tenant = signup();
        String path = "/api/v1/tenants/" + tenant.id();
        assertProblem(send("PATCH", path, superadmin(), "{\"status\":\"ACTIVE\",\"reason\":\"why not\"}"), 409,
                "invalid-status-transition");
        ok(send("PATCH", path, superadmin(), "{\"status\":\"SUSPENDED\",\"reason\":\"unpaid\"}"), 200);
        long before = eventCount();
        JsonNode problem = assertProblem(send("PATCH", path, superadmin(),
                "{\"status\":\"SUSPENDED\",\"reason\":\"again\"}"), 409, "invalid-status-transition");
        assertThat(problem.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(eventCount()).isEqualTo(before);
        JsonNode active = ok(send("PATCH", path, superadmin(), "{\"status\":\"active\",\"reason\":\"paid\"}"), 200);
        assertThat(active.get("version").asLong()).isEqualTo(4);
    }

    @Test
    void aSuspendedTenantsUsersSignInButCannotChangeItWhileSuperadminsStillCan() throws Exception {
        Tenant tenant = signup();
        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(),
                "{\"status\":\"SUSPENDED\",\"reason\":\"unpaid invoice\"}"), 200);

        String login = "{\"email\":\"owner@" + tenant.slug() + ".test\",\"password\":\"" + PASSWORD
                + "\",\"tenant\":\"" + tenant.slug() + "\"}";
        ok(send("POST", "/api/v1/auth/login", null, login), 200);
        ok(send("POST", "/api/v1/auth/login", null, login, "X-Tenant-Id", tenant.slug()), 200);
        long before = eventCount();
        JsonNode problem = assertProblem(send("PATCH", "/api/v1/tenants/current/settings", tenant.ownerToken(),
                "{\"timezone\":\"Europe/Berlin\"}"), 403, "tenant-suspended");
        assertThat(problem.get("reason").asText()).isEqualTo("unpaid invoice");
        assertProblem(send("PATCH", "/api/v1/tenants/current/settings", superadmin(),
                "{\"timezone\":\"Europe/Berlin\"}", "X-Tenant-Id", tenant.id()), 403, "tenant-suspended");
        assertThat(eventCount()).isEqualTo(before);
        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"plan\":\"PROFESSIONAL\"}"), 200);
    }

    @Test
    void deletingNeedsAReasonAndReservesTheSlugForNinetyDays() throws Exception {
        Tenant tenant = signup();
        String path = "/api/v1/tenants/" + tenant.id();
        long before = eventCount();
        assertProblem(send("DELETE", path, superadmin(), "{}"), 400, "validation-failed", "reason");
        assertProblem(send("DELETE", path, superadmin(), null), 400, "validation-failed", "reason");
        assertProblem(send("DELETE", path, superadmin(), "{\"reason\":\"x\",\"force\":true}"), 400,
                "unknown-field", "force");
        assertThat(eventCount()).isEqualTo(before);

        Instant start = Instant.now();
        JsonNode deleted = ok(send("DELETE", path, superadmin(), "{\"reason\":\"closed the account\"}"), 200);
        Instant deletedAt = Instant.parse(deleted.get("deletedAt").asText());
        assertThat(deletedAt).isBetween(start.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(Instant.parse(deleted.get("reservedUntil").asText()))
                .isEqualTo(deletedAt.plus(Duration.ofDays(90)));
        assertThat(eventTypes(tenant.id())).endsWith("TenantDeletedEvent");

        assertProblem(send("DELETE", path, superadmin(), "{\"reason\":\"again\"}"), 404, "tenant-not-found");
        assertProblem(send("PATCH", path, superadmin(), "{\"plan\":\"STARTER\"}"), 404, "tenant-not-found");
        assertProblem(send("POST", "/api/v1/auth/login", null, "{\"email\":\"owner@" + tenant.slug()
                + ".test\",\"password\":\"" + PASSWORD + "\",\"tenant\":\"" + tenant.slug() + "\"}"), 404,
                "tenant-not-found");
        assertProblem(send("PATCH", "/api/v1/tenants/current/settings", tenant.ownerToken(),
                "{\"timezone\":\"Europe/Berlin\"}"), 404, "tenant-not-found");
        assertProblem(send("POST", "/api/v1/tenants/signup", null, "{\"name\":\"Taker\",\"slug\":\"" + tenant.slug()
                + "\",\"ownerEmail\":\"x@taker.test\",\"ownerPassword\":\"" + PASSWORD + "\"}"), 409, "slug-taken");
        Document claim = mongo.getDatabase("tenancy_command").getCollection("tenant_slugs")
                .find(new Document("_id", tenant.slug())).first();
        assertThat(claim.getDate("reservedUntil").toInstant())
                .isEqualTo(deletedAt.plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.MILLIS));
    }
}
