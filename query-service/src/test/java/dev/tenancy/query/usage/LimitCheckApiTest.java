package dev.tenancy.query.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.event.LimitsOverriddenEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;

import static dev.tenancy.api.plan.Resource.CAMPAIGNS;
import static dev.tenancy.api.plan.Resource.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/tenants/current/limits/{resource}?amount=N: the advisory "may I consume N now?". */
class LimitCheckApiTest extends UsageTestSupport {

    private static final String LIMITS = "/api/v1/tenants/current/limits/";

    @Test
    void amountsThatFitAreAllowedAndTheRestRefusedAsLimitExceeded() throws Exception {
        String tenantId = usageTenant("check", Plan.FREE);
        record(tenantId, used(tenantId, CAMPAIGNS, 7, 7, Instant.now(), null));

        JsonNode one = check(tenantId, "campaigns");
        assertThat(one.get("resource").asText()).isEqualTo("campaigns");
        assertThat(one.get("amount").asLong()).as("default amount").isEqualTo(1);
        assertThat(one.get("allowed").asBoolean()).isTrue();
        assertThat(one.get("used").asLong()).isEqualTo(7);
        assertThat(one.at("/limit/max").asLong()).isEqualTo(10);
        assertThat(one.get("remaining").asLong()).isEqualTo(3);
        assertThat(one.get("reason").isNull()).isTrue();

        assertThat(check(tenantId, "campaigns?amount=3").get("allowed").asBoolean()).isTrue();
        JsonNode four = check(tenantId, "campaigns?amount=4");
        assertThat(four.get("allowed").asBoolean()).isFalse();
        assertThat(four.get("reason").asText()).isEqualTo("limit-exceeded");
        JsonNode huge = check(tenantId, "campaigns?amount=" + Long.MAX_VALUE);
        assertThat(huge.get("allowed").asBoolean()).as("no overflow into 'fits'").isFalse();
    }

    @Test
    void unlimitedResourcesAllowAnyAmount() throws Exception {
        String tenantId = usageTenant("endless", Plan.ENTERPRISE);
        JsonNode answer = check(tenantId, "storage?amount=999999999999");
        assertThat(answer.get("allowed").asBoolean()).isTrue();
        assertThat(answer.at("/limit/unlimited").asBoolean()).isTrue();
        assertThat(answer.get("remaining").isNull()).isTrue();
    }

    @Test
    void customIntegrationsIsASwitch() throws Exception {
        String off = usageTenant("switch-off", Plan.STARTER);
        JsonNode refused = check(off, "customIntegrations");
        assertThat(refused.get("allowed").asBoolean()).isFalse();
        assertThat(refused.get("reason").asText()).isEqualTo("feature-not-available");
        assertThat(refused.get("used").isNull()).isTrue();
        assertThat(refused.get("limit").isNull()).isTrue();

        var overrides = new LimitOverrides(null, null, null, null, null, null, null, true);
        record(off, new LimitsOverriddenEvent(off, LimitOverrides.none(), overrides,
                overrides.applyTo(PlanCatalog.terms(Plan.STARTER).limits())));
        assertThat(check(off, "customIntegrations").get("allowed").asBoolean()).isTrue();
    }

    @Test
    void aSuspendedTenantMayNotConsume() throws Exception {
        String tenantId = usageTenant("suspended", Plan.FREE);
        record(tenantId, new TenantSuspendedEvent(tenantId, "abuse"));
        JsonNode answer = check(tenantId, "users");
        assertThat(answer.get("allowed").asBoolean()).isFalse();
        assertThat(answer.get("reason").asText()).isEqualTo("tenant-suspended");
        assertThat(answer.get("used").asLong()).isZero();
    }

    @Test
    void xMinVersionWaitsForTheCountToCheckAgainst() throws Exception {
        String tenantId = usageTenant("recent", Plan.FREE);
        long version = publish(tenantId, used(tenantId, USERS, 5, 5, Instant.now(), null));
        HttpResponse<String> response = get(LIMITS + "users", ownerToken(tenantId),
                "X-Min-Version", String.valueOf(version));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body(response).get("reason").asText()).isEqualTo("limit-exceeded");
    }

    @Test
    void invalidResourcesAndAmountsAreNamed() throws Exception {
        String tenantId = usageTenant("invalid", Plan.FREE);
        assertRefused(tenantId, "bananas", "resource");
        assertRefused(tenantId, "Users", "resource");
        assertRefused(tenantId, "users?amount=0", "amount");
        assertRefused(tenantId, "users?amount=-2", "amount");
        assertRefused(tenantId, "users?amount=two", "amount");
        assertRefused(tenantId, "users?amount=1.5", "amount");
        assertRefused(tenantId, "users?amount=99999999999999999999", "amount");

        HttpResponse<String> both = get(LIMITS + "bananas?amount=0", ownerToken(tenantId));
        assertThat(problem(both, 400)).isEqualTo("validation-failed");
        assertThat(body(both).get("errors").findValuesAsText("field")).containsExactly("resource", "amount");
        assertThat(problem(get(LIMITS + "users", null), 401)).isEqualTo("unauthenticated");
    }

    private JsonNode check(String tenantId, String path) throws Exception {
        HttpResponse<String> response = get(LIMITS + path, memberToken(tenantId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    private void assertRefused(String tenantId, String path, String field) throws Exception {
        HttpResponse<String> response = get(LIMITS + path, ownerToken(tenantId));
        assertThat(problem(response, 400)).as(path).isEqualTo("validation-failed");
        assertThat(body(response).get("errors").findValuesAsText("field")).as(path).containsExactly(field);
    }
}
