package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.api.usage.ApiCallsRecordedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.tenancy.api.plan.Resource.*;
import static dev.tenancy.query.analytics.TenantLifecycleProjectionTest.range;
import static org.assertj.core.api.Assertions.assertThat;

/** Usage per resource and UTC day across tenants, and top consumers over a date range. */
class UsageTotalsProjectionTest extends AnalyticsTestSupport {

    @Test
    void consumptionAndReleasesAreSummedPerResourceAndDayAcrossTenants() {
        String a = created(Plan.STARTER, "2011-04-01T00:00:00Z");
        String b = created(Plan.FREE, "2011-04-01T00:00:00Z");
        deliver("2011-04-01T10:00:00Z", used(a, MESSAGES_PER_MONTH, 300, 300, "2011-04-01T09:00:00Z"));
        deliver("2011-04-02T10:00:00Z", used(a, MESSAGES_PER_MONTH, 200, 500, "2011-04-01T23:59:59Z"));
        deliver("2011-04-01T11:00:00Z", used(b, MESSAGES_PER_MONTH, 50, 50, "2011-04-01T11:00:00Z"));
        deliver("2011-04-02T00:00:00Z", used(b, STORAGE, 1_000, 1_000, null));
        deliver("2011-04-02T01:00:00Z", used(b, STORAGE, -400, 600, "2011-04-02T01:00:00Z"));
        deliver("2011-04-03T01:00:00Z", used(a, USERS, 0, 0, "2011-04-03T01:00:00Z"));
        deliver("2011-04-03T05:00:00Z", new ApiCallsRecordedEvent(a, Instant.parse("2011-04-02T23:00:00Z"), 70));
        deliver("2011-04-03T05:00:01Z", new ApiCallsRecordedEvent(b, Instant.parse("2011-04-02T22:00:00Z"), 30));
        deliver("2011-04-03T06:00:00Z", new ApiCallsRecordedEvent(b, Instant.parse("2011-04-03T00:00:00Z"), 5));

        UsageTotalsView all = usageAnalytics.totals(range("2011-04-01", "2011-04-03"), null);
        assertThat(all.resources()).extracting(ResourceTotals::resource).containsExactly("users", "campaigns",
                "messagesPerMonth", "telegramAccounts", "storage", "apiCallsPerHour", "webhooks");
        ResourceTotals messages = resource(all, "messagesPerMonth");
        assertThat(messages.days()).as("dated by when the usage occurred").containsExactly(
                day("2011-04-01", 550, 0, 2), day("2011-04-02", 0, 0, 0), day("2011-04-03", 0, 0, 0));
        assertThat(messages.consumed()).isEqualTo(550);
        ResourceTotals storage = resource(all, "storage");
        assertThat(storage.days()).as("no occurredAt: the event's timestamp").containsExactly(
                day("2011-04-01", 0, 0, 0), day("2011-04-02", 1_000, 400, 1), day("2011-04-03", 0, 0, 0));
        assertThat(storage.released()).isEqualTo(400);
        assertThat(resource(all, "apiCallsPerHour").days()).as("dated by the hour the calls were made in")
                .containsExactly(day("2011-04-01", 0, 0, 0), day("2011-04-02", 100, 0, 2),
                        day("2011-04-03", 5, 0, 1));
        assertThat(resource(all, "users").days()).as("nothing counted, nothing recorded")
                .allSatisfy(day -> assertThat(day.tenants()).isZero());

        UsageTotalsView one = usageAnalytics.totals(range("2011-04-02", "2011-04-02"), STORAGE);
        assertThat(one.resources()).containsExactly(new ResourceTotals("storage", 1_000, 400,
                List.of(day("2011-04-02", 1_000, 400, 1))));
    }

    @Test
    void theSameEventTwiceCountsOnce() {
        String tenantId = created(Plan.FREE, "2012-01-01T00:00:00Z");
        DomainEventMessage<?> first = deliver("2012-01-01T10:00:00Z",
                used(tenantId, CAMPAIGNS, 2, 2, "2012-01-01T10:00:00Z"));
        DomainEventMessage<?> second = deliver("2012-01-01T11:00:00Z",
                used(tenantId, CAMPAIGNS, 3, 5, "2012-01-01T11:00:00Z"));
        DomainEventMessage<?> calls = deliver("2012-01-01T12:00:00Z",
                new ApiCallsRecordedEvent(tenantId, Instant.parse("2012-01-01T10:00:00Z"), 9));
        Map<String, List<Document>> applied = analytics.findAllDocuments();

        redeliver(second);
        redeliver(first);
        redeliver(calls);

        assertThat(analytics.findAllDocuments()).isEqualTo(applied);
        Document bucket = analytics.usageDays.find(AnalyticsDocuments.usageDayId(tenantId, CAMPAIGNS,
                LocalDate.parse("2012-01-01"))).orElseThrow();
        assertThat(bucket).containsEntry("consumed", 5L).containsEntry("released", 0L).containsEntry("version", 2L);
    }

    @Test
    void topTenantsRankByConsumptionInTheRangeThenTenantId() {
        String small = created(Plan.FREE, "2013-07-01T00:00:00Z");
        String big = created(Plan.PROFESSIONAL, "2013-07-01T00:00:00Z");
        String tieA = created(Plan.STARTER, "2013-07-01T00:00:00Z");
        String tieB = created(Plan.STARTER, "2013-07-01T00:00:00Z");
        String outside = created(Plan.STARTER, "2013-07-01T00:00:00Z");
        deliver("2013-07-02T10:00:00Z", used(small, MESSAGES_PER_MONTH, 10, 10, "2013-07-02T10:00:00Z"));
        deliver("2013-07-02T10:00:00Z", used(big, MESSAGES_PER_MONTH, 400, 400, "2013-07-02T10:00:00Z"));
        deliver("2013-07-03T10:00:00Z", used(big, MESSAGES_PER_MONTH, 600, 1_000, "2013-07-03T10:00:00Z"));
        deliver("2013-07-03T10:00:00Z", used(big, MESSAGES_PER_MONTH, -100, 900, "2013-07-03T11:00:00Z"));
        deliver("2013-07-03T10:00:00Z", used(tieA, MESSAGES_PER_MONTH, 50, 50, "2013-07-03T10:00:00Z"));
        deliver("2013-07-03T10:00:00Z", used(tieB, MESSAGES_PER_MONTH, 50, 50, "2013-07-03T10:00:00Z"));
        deliver("2013-07-03T10:00:00Z", used(small, STORAGE, 99_999, 99_999, "2013-07-03T10:00:00Z"));
        deliver("2013-07-05T10:00:00Z", used(outside, MESSAGES_PER_MONTH, 5_000, 5_000, "2013-07-05T10:00:00Z"));
        deliver("2013-07-04T10:00:00Z", new TenantDeletedEvent(big, "left",
                Instant.parse("2013-07-04T10:00:00Z"), Instant.parse("2013-08-04T10:00:00Z")));

        TopTenantsView top = usageAnalytics.top(range("2013-07-01", "2013-07-04"), MESSAGES_PER_MONTH, 3);
        List<String> ties = Stream.of(tieA, tieB).sorted().toList();
        assertThat(top.items()).extracting(TopTenant::tenantId).containsExactly(big, ties.get(0), ties.get(1));
        TopTenant first = top.items().get(0);
        assertThat(first).isEqualTo(new TopTenant(big, "t-" + big.substring(0, 8), "Org " + big.substring(0, 8),
                Plan.PROFESSIONAL, TenantStatus.DELETED, 1_000, 100, 2));

        assertThat(usageAnalytics.top(range("2013-07-01", "2013-07-04"), MESSAGES_PER_MONTH, 10).items())
                .extracting(TopTenant::tenantId).containsExactly(big, ties.get(0), ties.get(1), small);
        assertThat(usageAnalytics.top(range("2013-07-05", "2013-07-05"), MESSAGES_PER_MONTH, 10).items())
                .extracting(TopTenant::tenantId).containsExactly(outside);
        assertThat(usageAnalytics.top(range("2013-07-01", "2013-07-04"), WEBHOOKS, 10).items()).isEmpty();
    }

    private static ResourceTotals resource(UsageTotalsView view, String key) {
        return view.resources().stream().filter(totals -> totals.resource().equals(key)).findFirst().orElseThrow();
    }

    private static ResourceDay day(String date, long consumed, long released, long tenants) {
        return new ResourceDay(LocalDate.parse(date), consumed, released, tenants);
    }
}
