package dev.tenancy.command.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.user.Role;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UsageApiTest extends UsageApiTestSupport {

    @Test
    void anAcceptedReportAnswersWhatWasCountedAndTheTenantsVersion() throws Exception {
        String tenant = signup();

        HttpResponse<String> response = report(tenant, body("campaigns", 3, "c-1"));

        JsonNode answer = ok(response);
        assertThat(answer.get("accepted").asBoolean()).isTrue();
        assertThat(answer.get("resource").asText()).isEqualTo("campaigns");
        assertThat(answer.get("requested").asLong()).isEqualTo(3);
        assertThat(answer.get("applied").asLong()).isEqualTo(3);
        assertThat(answer.get("used").asLong()).isEqualTo(3);
        assertThat(answer.get("limit").get("max").asLong()).isEqualTo(10);
        assertThat(answer.get("limit").get("unlimited").asBoolean()).isFalse();
        assertThat(answer.get("remaining").asLong()).isEqualTo(7);
        assertThat(answer.get("replayed").asBoolean()).isFalse();
        long version = answer.get("version").asLong();
        assertThat(response.headers().firstValue("X-Tenant-Version")).contains(Long.toString(version));
        assertThat(eventTypes(tenant)).hasSize((int) version + 1).last().isEqualTo("UsageRecordedEvent");
    }

    @Test
    void aReportOverTheLimitIsRefusedWholeWithTheLimitAndTheSameAnswerForItsKey() throws Exception {
        String tenant = signup();
        ok(report(tenant, body("campaigns", 3, "c-1")));

        JsonNode problem = assertProblem(report(tenant, body("campaigns", 8, "c-2")), 409, "limit-exceeded");
        assertThat(problem.get("resource").asText()).isEqualTo("campaigns");
        assertThat(problem.get("limit").get("max").asLong()).isEqualTo(10);
        assertThat(problem.get("current").asLong()).isEqualTo(3);
        assertThat(problem.get("requested").asLong()).isEqualTo(8);
        assertThat(problem.get("replayed").asBoolean()).isFalse();
        int events = eventTypes(tenant).size();

        JsonNode again = assertProblem(report(tenant, body("campaigns", 8, "c-2")), 409, "limit-exceeded");
        assertThat(again.get("current").asLong()).isEqualTo(3);
        assertThat(again.get("replayed").asBoolean()).isTrue();
        assertThat(eventTypes(tenant)).hasSize(events);
        assertThat(count(tenant, "UsageRefusedEvent")).isEqualTo(1);
        assertThat(ok(report(tenant, body("campaigns", 7, "c-3"))).get("used").asLong()).isEqualTo(10);
    }

    @Test
    void theSameKeyAnswersTheFirstDecisionAgainAndCountsNothing() throws Exception {
        String tenant = signup();
        JsonNode first = ok(report(tenant, body("messagesPerMonth", 40, "m-1")));
        int events = eventTypes(tenant).size();

        HttpResponse<String> replay = report(tenant, body("messagesPerMonth", 40, "m-1"));

        JsonNode again = ok(replay);
        assertThat(again.get("used").asLong()).isEqualTo(first.get("used").asLong()).isEqualTo(40);
        assertThat(again.get("replayed").asBoolean()).isTrue();
        assertThat(again.get("version").isNull()).isTrue();
        assertThat(replay.headers().firstValue("X-Tenant-Version")).isEmpty();
        assertThat(eventTypes(tenant)).hasSize(events);
        assertThat(count(tenant, "UsageRecordedEvent")).as("the owner's seat and the report").isEqualTo(2);
    }

    @Test
    void theKeyMayComeAsTheIdempotencyKeyHeader() throws Exception {
        String tenant = signup();
        String noKey = "{\"resource\":\"storage\",\"delta\":1024}";

        assertThat(ok(report(tenant, noKey, "Idempotency-Key", "s-1")).get("used").asLong()).isEqualTo(1024);
        assertThat(ok(report(tenant, body("storage", 1024, "s-1"), "Idempotency-Key", "s-1"))
                .get("replayed").asBoolean()).isTrue();
        assertProblem(report(tenant, body("storage", 1024, "s-2"), "Idempotency-Key", "s-3"), 400,
                "validation-failed", "idempotencyKey");
        assertThat(count(tenant, "UsageRecordedEvent")).as("the owner's seat and the report").isEqualTo(2);
    }

    @Test
    void aReleaseLargerThanTheUseIsClampedAtZero() throws Exception {
        String tenant = signup();
        ok(report(tenant, body("webhooks", 1, "w-1")));

        JsonNode release = ok(report(tenant, body("webhooks", -5, "w-2")));

        assertThat(release.get("applied").asLong()).isEqualTo(-1);
        assertThat(release.get("used").asLong()).isEqualTo(0);
        assertThat(release.get("remaining").asLong()).isEqualTo(1);
    }

    @Test
    void badReportsAreRefusedNamingTheFieldAndCountNothing() throws Exception {
        String tenant = signup();
        String future = clock.instant().plus(Duration.ofMinutes(10)).toString();
        String longKey = "k".repeat(201);

        assertProblem(report(tenant, body("bananas", 1, "b-1")), 400, "validation-failed", "resource");
        assertProblem(report(tenant, body("apiCallsPerHour", 1, "b-2")), 400, "validation-failed", "resource");
        assertProblem(report(tenant, body("campaigns", 0, "b-3")), 400, "validation-failed", "delta");
        assertProblem(report(tenant, body("campaigns", 1_000_000_000_001L, "b-4")), 400, "validation-failed",
                "delta");
        assertProblem(report(tenant, "{\"resource\":\"campaigns\",\"delta\":1.5,\"idempotencyKey\":\"b-5\"}"), 400,
                "validation-failed", "delta");
        assertProblem(report(tenant, "{\"resource\":\"campaigns\",\"delta\":\"1\",\"idempotencyKey\":\"b-6\"}"), 400,
                "validation-failed", "delta");
        assertProblem(report(tenant, "{\"resource\":\"campaigns\",\"delta\":1}"), 400, "validation-failed",
                "idempotencyKey");
        assertProblem(report(tenant, body("campaigns", 1, longKey)), 400, "validation-failed", "idempotencyKey");
        assertProblem(report(tenant, "{\"resource\":\"campaigns\",\"delta\":1,\"idempotencyKey\":\"b-7\","
                + "\"occurredAt\":\"yesterday\"}"), 400, "validation-failed", "occurredAt");
        assertProblem(report(tenant, "{\"resource\":\"campaigns\",\"delta\":1,\"idempotencyKey\":\"b-8\","
                + "\"occurredAt\":\"" + future + "\"}"), 400, "validation-failed", "occurredAt");
        assertProblem(report(tenant, "{\"resource\":\"campaigns\",\"delta\":1,\"idempotencyKey\":\"b-9\","
                + "\"extra\":true}"), 400, "unknown-field", "extra");
        assertProblem(report(tenant, "[1]"), 400, "malformed-request");
        assertProblem(report(tenant, "{\"resource\":"), 400, "malformed-request");
        assertThat(assertProblem(report(tenant, body("users", 1, "b-10")), 400, "validation-failed", "resource")
                .get("errors").get(0).get("message").asText()).contains("invitations");
        assertThat(eventTypes(tenant)).doesNotContain("UsageRefusedEvent");
        assertThat(count(tenant, "UsageRecordedEvent")).as("only the owner's seat").isEqualTo(1);
    }

    @Test
    void aReportInThePastOrJustAheadIsAccepted() throws Exception {
        String tenant = signup();
        String soon = clock.instant().plus(Duration.ofMinutes(4)).toString();

        ok(report(tenant, "{\"resource\":\"campaigns\",\"delta\":1,\"idempotencyKey\":\"t-1\","
                + "\"occurredAt\":\"" + soon + "\"}"));
        assertThat(ok(report(tenant, "{\"resource\":\"campaigns\",\"delta\":1,\"idempotencyKey\":\"t-2\","
                + "\"occurredAt\":\"2020-01-01T00:00:00Z\"}")).get("used").asLong()).isEqualTo(2);
    }

    @Test
    void everyTenantUserMayReportAndASuperadminNamingTheTenant() throws Exception {
        String tenant = signup();

        assertProblem(send("POST", USAGE, null, body("campaigns", 1, "r-1")), 401, "unauthenticated");
        ok(send("POST", USAGE, token(tenant, Role.MEMBER), body("campaigns", 1, "r-2")));
        ok(send("POST", USAGE, token(tenant, Role.ADMIN), body("campaigns", 1, "r-3")));
        assertProblem(send("POST", USAGE, superadmin(), body("campaigns", 1, "r-4")), 404, "tenant-not-found");
        assertThat(ok(send("POST", USAGE, superadmin(), body("campaigns", 1, "r-5"), "X-Tenant-Id", tenant))
                .get("used").asLong()).isEqualTo(3);
    }

    @Test
    void aSuspendedTenantMayReleaseButNotGrow() throws Exception {
        String tenant = signup();
        ok(report(tenant, body("storage", 2, "s-1")));
        ok(send("PATCH", "/api/v1/tenants/" + tenant, superadmin(),
                "{\"status\":\"SUSPENDED\",\"reason\":\"unpaid\"}"));

        assertProblem(report(tenant, body("storage", 1, "s-2")), 403, "tenant-suspended");
        assertThat(ok(report(tenant, body("storage", -1, "s-3"))).get("used").asLong()).isEqualTo(1);
        assertThat(count(tenant, "UsageRecordedEvent")).as("the owner's seat and two reports").isEqualTo(3);
    }
}
