package dev.tenancy.query.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.usage.ApiCallsRecordedEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.tenancy.api.plan.Resource.MESSAGES_PER_MONTH;
import static dev.tenancy.api.plan.Resource.STORAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/admin/analytics/{tenants,mrr,usage,top-tenants}: answers, defaults, bad input, access. */
class AnalyticsApiTest extends AnalyticsTestSupport {

    static final String BASE = "/api/v1/admin/analytics/";
    static final List<String> ROUTES = List.of("tenants", "mrr", "usage", "top-tenants?resource=storage");

    @Test
    void tenantsAndMrrServeEveryDayOfTheRange() throws Exception {
        String starter = created(Plan.STARTER, "2021-02-02T12:00:00Z");
        deliver("2021-02-04T12:00:00Z", new TenantSuspendedEvent(starter, "unpaid"));

        JsonNode tenants = ok("tenants?from=2021-02-01&to=2021-02-05");
        assertThat(tenants.get("from").asText()).isEqualTo("2021-02-01");
        assertThat(tenants.get("to").asText()).isEqualTo("2021-02-05");
        assertThat(dates(tenants)).containsExactly("2021-02-01", "2021-02-02", "2021-02-03", "2021-02-04",
                "2021-02-05");
        JsonNode days = tenants.get("days");
        assertThat(days.at("/1/total").asLong() - days.at("/0/total").asLong()).isEqualTo(1);
        assertThat(days.at("/1/byPlan/STARTER").asLong() - days.at("/0/byPlan/STARTER").asLong()).isEqualTo(1);
        assertThat(days.at("/3/byStatus/SUSPENDED").asLong() - days.at("/2/byStatus/SUSPENDED").asLong())
                .isEqualTo(1);
        assertThat(days.get(0).get("byStatus").fieldNames()).toIterable()
                .containsExactly("ACTIVE", "SUSPENDED", "DELETED");

        JsonNode mrr = ok("mrr?from=2021-02-01&to=2021-02-05");
        assertThat(mrr.get("currency").asText()).isEqualTo("USD");
        JsonNode mrrDays = mrr.get("days");
        assertThat(mrrDays).hasSize(5);
        assertThat(mrrDays.at("/1/mrrUsd").decimalValue().subtract(mrrDays.at("/0/mrrUsd").decimalValue()))
                .isEqualByComparingTo("29");
        assertThat(mrrDays.at("/2/byPlan/STARTER").decimalValue()
                .subtract(mrrDays.at("/0/byPlan/STARTER").decimalValue())).isEqualByComparingTo("29");
        assertThat(mrrDays.at("/3/mrrUsd").decimalValue()).isEqualByComparingTo(mrrDays.at("/0/mrrUsd")
                .decimalValue());
        assertThat(mrrDays.at("/4/suspendedMrrUsd").decimalValue()
                .subtract(mrrDays.at("/0/suspendedMrrUsd").decimalValue())).isEqualByComparingTo("29");
        assertThat(mrr.at("/current/byPlan").findValuesAsText("plan"))
                .containsExactly("FREE", "STARTER", "PROFESSIONAL", "ENTERPRISE");
        assertThat(mrr.at("/current/byPlan/3/monthlyPriceUsd").isNull()).isTrue();
    }

    @Test
    void currentMrrIsTodaysAndTheDefaultRangeIsTheLast30Days() throws Exception {
        awaitCaughtUp();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String route : ROUTES) {
            JsonNode body = ok(route);
            assertThat(body.get("to").asText()).as(route).isEqualTo(today.toString());
            assertThat(body.get("from").asText()).as(route).isEqualTo(today.minusDays(29).toString());
        }
        JsonNode mrr = ok("mrr");
        assertThat(dates(mrr)).hasSize(30).endsWith(today.toString());
        assertThat(mrr.at("/days/29/mrrUsd").decimalValue()).isEqualByComparingTo(mrr.at("/current/mrrUsd")
                .decimalValue());
        assertThat(mrr.at("/days/29/customPricedTenants")).isEqualTo(mrr.at("/current/customPricedTenants"));

        JsonNode untilNow = ok("tenants?from=" + today.minusDays(2) + "&to=" + today.plusDays(3));
        assertThat(untilNow.get("to").asText()).as("days after today are not listed").isEqualTo(today.toString());
        assertThat(dates(untilNow)).hasSize(3);
        assertThat(dates(ok("usage?to=" + today.minusDays(1)))).as("from defaults to 29 days before to")
                .hasSize(7 * 30).startsWith(today.minusDays(30).toString());
        assertThat(ok("usage?from=2020-01-01&to=2020-12-31").get("resources").get(0).get("days")).hasSize(366);
    }

    @Test
    void usageAndTopTenantsSumTheTenantsBuckets() throws Exception {
        String a = created(Plan.FREE, "2022-08-01T00:00:00Z");
        String b = created(Plan.STARTER, "2022-08-01T00:00:00Z");
        deliver("2022-08-01T10:00:00Z", used(a, STORAGE, 700, 700, "2022-08-01T10:00:00Z"));
        deliver("2022-08-02T10:00:00Z", used(b, STORAGE, 900, 900, "2022-08-02T10:00:00Z"));
        deliver("2022-08-02T11:00:00Z", used(b, STORAGE, -300, 600, "2022-08-02T11:00:00Z"));
        deliver("2022-08-02T11:00:00Z", used(b, MESSAGES_PER_MONTH, 5, 5, "2022-08-02T11:00:00Z"));
        deliver("2022-08-02T12:00:00Z", new ApiCallsRecordedEvent(a, Instant.parse("2022-08-02T11:00:00Z"), 42));

        JsonNode storage = ok("usage?from=2022-08-01&to=2022-08-02&resource=storage");
        assertThat(storage.get("resources")).hasSize(1);
        JsonNode totals = storage.at("/resources/0");
        assertThat(totals.get("resource").asText()).isEqualTo("storage");
        assertThat(totals.get("consumed").asLong()).isEqualTo(1_600);
        assertThat(totals.get("released").asLong()).isEqualTo(300);
        assertThat(totals.at("/days/1").toString())
                .isEqualTo("{\"date\":\"2022-08-02\",\"consumed\":900,\"released\":300,\"tenants\":1}");
        JsonNode all = ok("usage?from=2022-08-02&to=2022-08-02");
        assertThat(all.get("resources").findValuesAsText("resource")).contains("apiCallsPerHour", "storage")
                .doesNotContain("customIntegrations");
        assertThat(all.at("/resources/5/resource").asText()).isEqualTo("apiCallsPerHour");
        assertThat(all.at("/resources/5/consumed").asLong()).isEqualTo(42);

        JsonNode top = ok("top-tenants?from=2022-08-01&to=2022-08-02&resource=storage&limit=1");
        assertThat(top.get("resource").asText()).isEqualTo("storage");
        assertThat(top.get("items")).hasSize(1);
        assertThat(top.at("/items/0/tenantId").asText()).isEqualTo(b);
        assertThat(top.at("/items/0/plan").asText()).isEqualTo("STARTER");
        assertThat(top.at("/items/0/status").asText()).isEqualTo("ACTIVE");
        assertThat(top.at("/items/0/consumed").asLong()).isEqualTo(900);
        assertThat(top.at("/items/0/activeDays").asLong()).isEqualTo(1);
        assertThat(ok("top-tenants?from=2022-08-01&to=2022-08-02&resource=storage").get("items")).hasSize(2);
    }

    @Test
    void badParametersAre400sNamingEachOne() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String route : List.of("tenants", "mrr", "usage", "top-tenants")) {
            assertThat(invalid(route + "?from=yesterday&resource=storage")).as(route).containsExactly("from");
            assertThat(invalid(route + "?to=2021-02-30&resource=storage")).as(route).containsExactly("to");
            assertThat(invalid(route + "?from=2021-03-02&to=2021-03-01&resource=storage")).as(route)
                    .containsExactly("from");
            assertThat(invalid(route + "?from=2020-01-01&to=2021-01-01&resource=storage")).as("367 days, " + route)
                    .containsExactly("to");
            assertThat(invalid(route + "?from=" + today.plusDays(1) + "&resource=storage")).as(route)
                    .containsExactly("from");
        }
        assertThat(invalid("usage?resource=bogus")).containsExactly("resource");
        assertThat(invalid("usage?resource=customIntegrations")).containsExactly("resource");
        assertThat(invalid("top-tenants")).containsExactly("resource");
        assertThat(invalid("top-tenants?resource=storage&limit=0")).containsExactly("limit");
        assertThat(invalid("top-tenants?resource=storage&limit=101")).containsExactly("limit");
        assertThat(invalid("top-tenants?resource=storage&limit=ten")).containsExactly("limit");
        assertThat(invalid("top-tenants?from=x&resource=y&limit=0")).containsExactly("from", "resource", "limit");
        HttpResponse<String> response = get(BASE + "top-tenants?resource=bogus", superadminToken());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(body(response).at("/errors/0/message").asText()).startsWith("resource must be one of users, ");
    }

    @Test
    void onlyTheSuperadminMayRead() throws Exception {
        String tenantId = tenant("analytics-" + UUID.randomUUID().toString().substring(0, 8), Plan.PROFESSIONAL);
        for (String route : ROUTES) {
            assertThat(problem(get(BASE + route, null), 401)).as(route).isEqualTo("unauthenticated");
            assertThat(problem(get(BASE + route, ownerToken(tenantId)), 403)).as(route).isEqualTo("forbidden");
            assertThat(problem(get(BASE + route, memberToken(tenantId)), 403)).as(route).isEqualTo("forbidden");
        }
    }

    @Test
    void everyRouteIsInTheOpenApiDocument() throws Exception {
        JsonNode paths = body(get("/v3/api-docs", null)).get("paths");
        assertThat(paths.fieldNames()).toIterable().contains(BASE + "tenants", BASE + "mrr", BASE + "usage",
                BASE + "top-tenants");
        assertThat(paths.get(BASE + "top-tenants").at("/get/parameters").findValuesAsText("name"))
                .containsExactly("from", "to", "resource", "limit");
    }

    private JsonNode ok(String route) throws Exception {
        HttpResponse<String> response = get(BASE + route, superadminToken());
        assertThat(response.statusCode()).as(route + ": " + response.body()).isEqualTo(200);
        return body(response);
    }

    /** The parameters a 400 validation-failed answer names, in order. */
    private List<String> invalid(String route) throws Exception {
        HttpResponse<String> response = get(BASE + route, superadminToken());
        assertThat(problem(response, 400)).as(route).isEqualTo("validation-failed");
        List<String> fields = new ArrayList<>();
        body(response).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static List<String> dates(JsonNode view) {
        if (view.has("resources")) {
            List<String> dates = new ArrayList<>();
            view.get("resources").forEach(resource -> dates.addAll(dates(resource)));
            return dates;
        }
        return view.get("days").findValuesAsText("date");
    }
}
