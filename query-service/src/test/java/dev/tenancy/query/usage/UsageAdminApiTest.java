package dev.tenancy.query.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.event.LimitsOverriddenEvent;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.tenancy.api.plan.Resource.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The superadmin's GET /api/v1/tenants/{id}/usage and GET /api/v1/usage/top. */
class UsageAdminApiTest extends UsageTestSupport {

    @Test
    void anyTenantsUsageHasTheSameShapeAsItsOwn() throws Exception {
        String tenantId = usageTenant("inspected", Plan.FREE);
        record(tenantId, used(tenantId, STORAGE, 1024, 1024, Instant.now(), null));

        HttpResponse<String> response = get("/api/v1/tenants/" + tenantId + "/usage", superadminToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode own = body(get("/api/v1/tenants/current/usage", ownerToken(tenantId)));
        assertThat(body(response)).isEqualTo(own);
        assertThat(CurrentUsageApiTest.resource(own, "storage").get("used").asLong()).isEqualTo(1024);

        assertThat(problem(get("/api/v1/tenants/" + UUID.randomUUID() + "/usage", superadminToken()), 404))
                .isEqualTo("tenant-not-found");
        assertThat(problem(get("/api/v1/tenants/" + tenantId + "/usage", ownerToken(tenantId)), 403))
                .isEqualTo("forbidden");
        assertThat(problem(get("/api/v1/tenants/" + tenantId + "/usage", null), 401)).isEqualTo("unauthenticated");
    }

    /** Webhooks are used by no other test, so these tenants are the top of the list. */
    @Test
    void topTenantsRankByPercentThenUsedThenId() throws Exception {
        String a = webhooks("top-a", Quota.of(2), 3);
        String b = webhooks("top-b", Quota.of(4), 6);
        String c = webhooks("top-c", Quota.of(2), 3);
        String d = webhooks("top-d", Quota.of(2), 3);
        String e = webhooks("top-e", Quota.of(10), 9);
        webhooks("top-unlimited", Quota.unlimitedQuota(), 500);
        webhooks("top-zero", Quota.of(0), 0);
        String deleted = webhooks("top-deleted", Quota.of(1), 5);
        record(deleted, new TenantDeletedEvent(deleted, "gone", Instant.now(), Instant.now()));

        JsonNode top = top("?resource=webhooks&limit=5");
        assertThat(top.get("resource").asText()).isEqualTo("webhooks");
        List<String> sameShareAndUse = Stream.of(a, c, d).sorted().toList();
        assertThat(ids(top)).containsExactly(b, sameShareAndUse.get(0), sameShareAndUse.get(1),
                sameShareAndUse.get(2), e);
        JsonNode first = top.at("/items/0");
        assertThat(first.get("slug").asText()).startsWith("top-b-");
        assertThat(first.get("name").asText()).startsWith("Org top-b-");
        assertThat(first.get("plan").asText()).isEqualTo("FREE");
        assertThat(first.get("used").asLong()).isEqualTo(6);
        assertThat(first.at("/limit/max").asLong()).isEqualTo(4);
        assertThat(first.get("percent").asDouble()).isEqualTo(150.0);
        assertThat(top.at("/items/4/percent").asDouble()).isEqualTo(90.0);

        for (int filler = 0; filler < 6; filler++) {
            usageTenant("top-filler", Plan.FREE);
        }
        JsonNode tenMost = top("?resource=webhooks");
        assertThat(tenMost.get("items")).as("default limit").hasSize(10);
        assertThat(ids(tenMost).subList(0, 5)).isEqualTo(ids(top));
        assertThat(tenMost.at("/items/9/percent").asDouble()).as("a FREE tenant without webhooks").isZero();
    }

    @Test
    void topApiCallsRankTheCurrentHoursLiveCount() throws Exception {
        String busy = usageTenant("busy", Plan.FREE);
        String busier = usageTenant("busier", Plan.FREE);
        liveApiCalls(busy, 12_000);
        liveApiCalls(busier, 15_000);

        JsonNode top = top("?resource=apiCallsPerHour&limit=2");
        assertThat(ids(top)).containsExactly(busier, busy);
        assertThat(top.at("/items/0/percent").asDouble()).isEqualTo(1500.0);
    }

    @Test
    void topParametersAreValidatedAndOnlySuperadminsMayAsk() throws Exception {
        assertRefused("", "resource");
        assertRefused("?resource=customIntegrations", "resource");
        assertRefused("?resource=storage&limit=0", "limit");
        assertRefused("?resource=storage&limit=101", "limit");
        assertRefused("?resource=storage&limit=ten", "limit");
        String tenantId = usageTenant("curious", Plan.FREE);
        assertThat(problem(get("/api/v1/usage/top?resource=storage", ownerToken(tenantId)), 403))
                .isEqualTo("forbidden");
        assertThat(problem(get("/api/v1/usage/top?resource=storage", null), 401)).isEqualTo("unauthenticated");
    }

    /** A FREE tenant whose webhooks limit is overridden to {@code limit}, with {@code used} in use. */
    private String webhooks(String slug, Quota limit, long used) {
        String tenantId = usageTenant(slug, Plan.FREE);
        var overrides = new LimitOverrides(null, null, null, null, null, null, limit, null);
        record(tenantId, new LimitsOverriddenEvent(tenantId, LimitOverrides.none(), overrides,
                        overrides.applyTo(PlanCatalog.terms(Plan.FREE).limits())),
                used(tenantId, WEBHOOKS, used, used, Instant.now(), null));
        return tenantId;
    }

    private JsonNode top(String query) throws Exception {
        HttpResponse<String> response = get("/api/v1/usage/top" + query, superadminToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    private static List<String> ids(JsonNode top) {
        List<String> ids = new ArrayList<>();
        top.get("items").forEach(item -> ids.add(item.get("tenantId").asText()));
        return ids;
    }

    private void assertRefused(String query, String field) throws Exception {
        HttpResponse<String> response = get("/api/v1/usage/top" + query, superadminToken());
        assertThat(problem(response, 400)).as(query).isEqualTo("validation-failed");
        assertThat(body(response).get("errors").findValuesAsText("field")).as(query).containsExactly(field);
    }
}
