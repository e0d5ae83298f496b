package dev.tenancy.query.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.usage.UsageThresholdCrossedEvent;
import dev.tenancy.api.user.Role;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.tenancy.api.plan.Resource.*;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/tenants/current/usage: every resource against its limit, for the caller's tenant. */
class CurrentUsageApiTest extends UsageTestSupport {

    private static final String USAGE = "/api/v1/tenants/current/usage";

    @Test
    void everyResourceIsListedAgainstItsLimit() throws Exception {
        String tenantId = usageTenant("listed", Plan.FREE);
        Instant periodStart = counter(tenantId, MESSAGES_PER_MONTH).getDate("periodStart").toInstant();
        record(tenantId, used(tenantId, USERS, 4, 4, Instant.now(), periodStart),
                new UsageThresholdCrossedEvent(tenantId, USERS, 80, 4, 5, periodStart),
                used(tenantId, MESSAGES_PER_MONTH, 333, 333, Instant.now(), periodStart));
        liveApiCalls(tenantId, 250);

        HttpResponse<String> response = get(USAGE, memberToken(tenantId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(body.get("version").asLong()).isEqualTo(4);
        List<String> keys = new ArrayList<>();
        body.get("resources").forEach(entry -> keys.add(entry.get("resource").asText()));
        assertThat(keys).containsExactly("users", "campaigns", "messagesPerMonth", "telegramAccounts", "storage",
                "apiCallsPerHour", "webhooks", "customIntegrations");

        JsonNode users = resource(body, "users");
        assertThat(users.get("used").asLong()).isEqualTo(4);
        assertThat(users.at("/limit/max").asLong()).isEqualTo(5);
        assertThat(users.at("/limit/unlimited").asBoolean()).isFalse();
        assertThat(users.get("remaining").asLong()).isEqualTo(1);
        assertThat(users.get("percent").asDouble()).isEqualTo(80.0);
        assertThat(users.get("overLimit").asBoolean()).isFalse();
        assertThat(users.get("periodStart").isNull()).isTrue();
        assertThat(users.get("thresholds")).extracting(JsonNode::asInt).containsExactly(80);

        JsonNode messages = resource(body, "messagesPerMonth");
        assertThat(messages.get("used").asLong()).isEqualTo(333);
        assertThat(messages.get("percent").asDouble()).as("one decimal").isEqualTo(33.3);
        assertThat(Instant.parse(messages.get("periodStart").asText())).isEqualTo(periodStart);
        assertThat(Instant.parse(messages.get("periodEnd").asText())).isAfter(Instant.now());

        JsonNode api = resource(body, "apiCallsPerHour");
        // this request counts too, once the counter's periodic sync has written it to the shared store
        assertThat(api.get("used").asLong()).as("the platform's live counter").isIn(250L, 251L);
        Instant hour = Instant.parse(api.get("periodStart").asText());
        assertThat(hour).isEqualTo(hour.truncatedTo(ChronoUnit.HOURS));
        assertThat(Instant.parse(api.get("periodEnd").asText())).isEqualTo(hour.plus(Duration.ofHours(1)));

        JsonNode integrations = resource(body, "customIntegrations");
        assertThat(integrations.get("enabled").asBoolean()).isFalse();
        assertThat(integrations.has("used")).as("a switch has no count").isFalse();
    }

    @Test
    void unlimitedResourcesHaveNoRemainderOrPercentAndOverLimitIsFlagged() throws Exception {
        String unlimited = usageTenant("unlimited", Plan.ENTERPRISE);
        record(unlimited, used(unlimited, STORAGE, 1_000_000, 1_000_000, Instant.now(), null));
        JsonNode storage = resource(body(get(USAGE, ownerToken(unlimited))), "storage");
        assertThat(storage.get("unlimited").asBoolean()).isTrue();
        assertThat(storage.at("/limit/max").isNull()).isTrue();
        assertThat(storage.get("remaining").isNull()).isTrue();
        assertThat(storage.get("percent").isNull()).isTrue();
        assertThat(storage.get("overLimit").asBoolean()).isFalse();

        String over = usageTenant("over", Plan.FREE);
        record(over, used(over, CAMPAIGNS, 13, 13, Instant.now(), null));
        JsonNode campaigns = resource(body(get(USAGE, ownerToken(over))), "campaigns");
        assertThat(campaigns.get("overLimit").asBoolean()).isTrue();
        assertThat(campaigns.get("percent").asDouble()).isEqualTo(130.0);
        assertThat(campaigns.get("remaining").asLong()).isZero();
    }

    @Test
    void aMonthlyPeriodThatHasEndedCountsAsEmptyBeforeItsResetArrives() throws Exception {
        Instant createdAt = Instant.now().minus(Duration.ofDays(45));
        String tenantId = usageTenant("lapsed", Plan.FREE, createdAt);
        Instant oldStart = counter(tenantId, MESSAGES_PER_MONTH).getDate("periodStart").toInstant();
        record(tenantId, used(tenantId, MESSAGES_PER_MONTH, 700, 700, createdAt, oldStart));

        JsonNode messages = resource(body(get(USAGE, ownerToken(tenantId))), "messagesPerMonth");
        assertThat(messages.get("used").asLong()).isZero();
        Instant start = Instant.parse(messages.get("periodStart").asText());
        assertThat(start).isAfter(oldStart).isBefore(Instant.now());
        assertThat(Instant.parse(messages.get("periodEnd").asText())).isAfter(Instant.now());
    }

    @Test
    void xMinVersionWaitsForTheUsageModel() throws Exception {
        String tenantId = usageTenant("waiting", Plan.FREE);
        long version = publish(tenantId, used(tenantId, WEBHOOKS, 0, 0, Instant.now(), null),
                used(tenantId, TELEGRAM_ACCOUNTS, 1, 1, Instant.now(), null));

        JsonNode body = body(get(USAGE, ownerToken(tenantId), "X-Min-Version", String.valueOf(version)));
        assertThat(body.get("version").asLong()).isGreaterThanOrEqualTo(version);
        assertThat(resource(body, "telegramAccounts").get("used").asLong()).isEqualTo(1);

        HttpResponse<String> invalid = get(USAGE, ownerToken(tenantId), "X-Min-Version", "soon");
        assertThat(problem(invalid, 400)).isEqualTo("validation-failed");
        assertThat(body(invalid).at("/errors/0/field").asText()).isEqualTo("X-Min-Version");
    }

    @Test
    void aTokensTenantNotProjectedYetIsWaitedFor() throws Exception {
        String tenantId = UUID.randomUUID().toString();
        String slug = "fresh-" + tenantId.substring(0, 8);
        publish(tenantId, new TenantCreatedEvent(tenantId, "Fresh", slug, Plan.STARTER,
                        PlanCatalog.terms(Plan.STARTER).limits(), Instant.now().truncatedTo(ChronoUnit.MILLIS)),
                new UserAddedEvent(tenantId, "owner-" + slug, "o@" + slug + ".test", Role.OWNER));

        HttpResponse<String> response = get(USAGE, ownerToken(tenantId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(resource(body(response), "users").at("/limit/max").asLong()).isEqualTo(20);
    }

    @Test
    void suspendedTenantsStillSeeTheirUsageAndSuperadminsNameTheTenant() throws Exception {
        String tenantId = usageTenant("paused", Plan.FREE);
        record(tenantId, new TenantSuspendedEvent(tenantId, "unpaid"));
        assertThat(get(USAGE, memberToken(tenantId)).statusCode()).isEqualTo(200);

        HttpResponse<String> named = get(USAGE, superadminToken(), "X-Tenant-Id", tenantId);
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        assertThat(body(named).get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(problem(get(USAGE, superadminToken()), 404)).isEqualTo("tenant-not-found");
        assertThat(problem(get(USAGE, null), 401)).isEqualTo("unauthenticated");
    }

    static JsonNode resource(JsonNode usage, String key) {
        for (JsonNode entry : usage.get("resources")) {
            if (entry.get("resource").asText().equals(key)) {
                return entry;
            }
        }
        throw new AssertionError("no " + key + " in " + usage);
    }
}
