package dev.tenancy.query.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.usage.ApiCallsRecordedEvent;
import dev.tenancy.api.usage.UsagePeriodResetEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.tenancy.api.plan.Resource.*;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/tenants/current/usage/history: daily totals for charts, every day of the range present. */
class UsageHistoryApiTest extends UsageTestSupport {

    private static final String HISTORY = "/api/v1/tenants/current/usage/history";

    @Test
    void everyDayIsPresentQuietDaysKeepingTheLastLevel() throws Exception {
        String tenantId = usageTenant("chart", Plan.STARTER);
        record(tenantId, used(tenantId, USERS, 3, 3, Instant.parse("2025-02-02T09:00:00Z"), null),
                used(tenantId, USERS, 2, 5, Instant.parse("2025-02-02T23:59:59Z"), null),
                used(tenantId, USERS, -1, 4, Instant.parse("2025-02-04T00:00:00Z"), null),
                used(tenantId, CAMPAIGNS, 9, 9, Instant.parse("2025-02-03T12:00:00Z"), null));

        JsonNode history = history(tenantId, "?resource=users&from=2025-02-01&to=2025-02-06");
        assertThat(history.get("resource").asText()).isEqualTo("users");
        assertThat(history.get("from").asText()).isEqualTo("2025-02-01");
        assertThat(history.get("to").asText()).isEqualTo("2025-02-06");
        assertThat(days(history)).containsExactly(
                "2025-02-01 0/0/0", "2025-02-02 5/0/5", "2025-02-03 0/0/5", "2025-02-04 0/1/4",
                "2025-02-05 0/0/4", "2025-02-06 0/0/4");

        JsonNode later = history(tenantId, "?resource=users&from=2025-02-05T10:00:00Z&to=2025-02-05T23:00:00Z");
        assertThat(days(later)).as("instants name their UTC day; the level carries in from before the range")
                .containsExactly("2025-02-05 0/0/4");
    }

    @Test
    void apiCallsAreTheDaysCallsAndMessagesDropToZeroAfterTheirPeriod() throws Exception {
        String tenantId = usageTenant("daily", Plan.FREE);
        Instant periodEnd = Instant.parse("2025-03-05T00:00:00Z");
        record(tenantId, new ApiCallsRecordedEvent(tenantId, Instant.parse("2025-03-03T10:00:00Z"), 40),
                new ApiCallsRecordedEvent(tenantId, Instant.parse("2025-03-03T11:00:00Z"), 2),
                new UsagePeriodResetEvent(tenantId, MESSAGES_PER_MONTH, Instant.parse("2025-01-05T00:00:00Z"), 0,
                        Instant.parse("2025-02-05T00:00:00Z"), periodEnd),
                used(tenantId, MESSAGES_PER_MONTH, 70, 70, Instant.parse("2025-03-03T08:00:00Z"), null));

        assertThat(days(history(tenantId, "?resource=apiCallsPerHour&from=2025-03-02&to=2025-03-04")))
                .containsExactly("2025-03-02 0/0/0", "2025-03-03 42/0/42", "2025-03-04 0/0/0");
        List<String> messages = days(history(tenantId, "?resource=messagesPerMonth&from=2025-03-03&to=2025-03-06"));
        assertThat(messages.subList(0, 2)).containsExactly("2025-03-03 70/0/70", "2025-03-04 0/0/70");
        assertThat(messages.subList(2, 4)).as("the period ended on 5 March")
                .containsExactly("2025-03-05 0/0/0", "2025-03-06 0/0/0");
    }

    @Test
    void theDefaultIsTheLast30DaysUpToToday() throws Exception {
        String tenantId = usageTenant("default", Plan.FREE);
        JsonNode history = history(tenantId, "?resource=storage");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(history.get("days")).hasSize(30);
        assertThat(history.get("to").asText()).isEqualTo(today.toString());
        assertThat(history.get("from").asText()).isEqualTo(today.minusDays(29).toString());
        assertThat(history(tenantId, "?resource=storage&from=2024-01-01&to=2024-12-31").get("days"))
                .as("366 days, a leap year, is the most").hasSize(366);
    }

    @Test
    void invalidParametersAreNamed() throws Exception {
        String tenantId = usageTenant("refused", Plan.FREE);
        assertRefused(tenantId, "", "resource");
        assertRefused(tenantId, "?resource=gold", "resource");
        assertRefused(tenantId, "?resource=customIntegrations", "resource");
        assertRefused(tenantId, "?resource=users&from=yesterday", "from");
        assertRefused(tenantId, "?resource=users&to=2025-02-30", "to");
        assertRefused(tenantId, "?resource=users&from=2025-03-02&to=2025-03-01", "to");
        assertRefused(tenantId, "?resource=users&from=2024-01-01&to=2025-01-01", "to");
        assertRefused(tenantId, "?resource=users&from=2999-01-01", "from");
        assertThat(problem(get(HISTORY + "?resource=users", null), 401)).isEqualTo("unauthenticated");
    }

    private JsonNode history(String tenantId, String query) throws Exception {
        HttpResponse<String> response = get(HISTORY + query, ownerToken(tenantId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    /** Each day as "date consumed/released/used". */
    private static List<String> days(JsonNode history) {
        List<String> days = new ArrayList<>();
        history.get("days").forEach(day -> days.add(day.get("date").asText() + " " + day.get("consumed").asLong()
                + "/" + day.get("released").asLong() + "/" + day.get("used").asLong()));
        return days;
    }

    private void assertRefused(String tenantId, String query, String field) throws Exception {
        HttpResponse<String> response = get(HISTORY + query, ownerToken(tenantId));
        assertThat(problem(response, 400)).as(query).isEqualTo("validation-failed");
        assertThat(body(response).get("errors").findValuesAsText("field")).as(query).containsExactly(field);
    }
}
