package dev.tenancy.query.usage;

import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.event.*;
import dev.tenancy.api.usage.ApiCallsRecordedEvent;
import dev.tenancy.api.usage.UsagePeriod;
import dev.tenancy.api.usage.UsagePeriodResetEvent;
import dev.tenancy.api.usage.UsageRefusedEvent;
import dev.tenancy.api.usage.UsageThresholdCrossedEvent;
import dev.tenancy.api.user.Role;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static dev.tenancy.api.plan.Resource.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Each event the usage model cares about, published to the event store, lands in the usage read model. */
class UsageProjectionTest extends UsageTestSupport {

    private static final Instant DAY_ONE = Instant.parse("2025-03-10T08:00:00Z");
    private static final Instant DAY_TWO = Instant.parse("2025-03-11T22:30:00Z");

    @Test
    void signupGivesEveryCountedResourceACounterAtZeroWithThePlansLimit() {
        Instant createdAt = Instant.parse("2025-01-31T15:00:00Z");
        String tenantId = usageTenant("counters", Plan.STARTER, createdAt);

        assertThat(usage.counters(TenantId.of(tenantId))).containsOnlyKeys(
                USERS, CAMPAIGNS, MESSAGES_PER_MONTH, TELEGRAM_ACCOUNTS, STORAGE, API_CALLS_PER_HOUR, WEBHOOKS);
        Document users = counter(tenantId, USERS);
        assertThat(users.getString("tenantId")).isEqualTo(tenantId);
        assertThat(users.get("used")).isEqualTo(0L);
        assertThat(CounterUpdates.quota(users)).isEqualTo(Quota.of(20));
        assertThat(users.get("periodStart")).isNull();
        Document messages = counter(tenantId, MESSAGES_PER_MONTH);
        assertThat(messages.getDate("periodStart").toInstant()).isEqualTo("2025-01-31T00:00:00Z");
        assertThat(messages.getDate("periodEnd").toInstant()).as("31 January's anniversary in February")
                .isEqualTo("2025-02-28T00:00:00Z");
    }

    @Test
    void recordedUsageSetsTheCounterAndAddsToItsDay() {
        String tenantId = usageTenant("recorded", Plan.FREE);
        record(tenantId, used(tenantId, USERS, 3, 4, DAY_ONE, null), used(tenantId, USERS, -1, 3, DAY_ONE, null),
                used(tenantId, USERS, 1, 4, DAY_TWO, null));

        Document users = counter(tenantId, USERS);
        assertThat(users.get("used")).isEqualTo(4L);
        assertThat(users.getDouble("percent")).isEqualTo(80.0);
        assertThat(users.getBoolean("overLimit")).isFalse();
        Document first = day(tenantId, USERS, LocalDate.parse("2025-03-10")).orElseThrow();
        assertThat(first.get("consumed")).isEqualTo(3L);
        assertThat(first.get("released")).isEqualTo(1L);
        assertThat(first.get("used")).isEqualTo(3L);
        assertThat(first.getString("tenantId")).isEqualTo(tenantId);
        Document second = day(tenantId, USERS, LocalDate.parse("2025-03-11")).orElseThrow();
        assertThat(second.get("consumed")).isEqualTo(1L);
        assertThat(second.get("used")).isEqualTo(4L);
    }

    @Test
    void aRefusedReportCountsNothing() {
        String tenantId = usageTenant("refused", Plan.FREE);
        long version = record(tenantId, new UsageRefusedEvent(tenantId, USERS, 10, 0, Quota.of(5), "k-1",
                DAY_ONE, "limit-exceeded"));

        assertThat(counter(tenantId, USERS).get("used")).isEqualTo(0L);
        assertThat(day(tenantId, USERS, LocalDate.parse("2025-03-10"))).isEmpty();
        assertThat(usageVersion(tenantId)).isEqualTo(version);
    }

    @Test
    void aPeriodResetEmptiesMessagesAndStartsTheNextPeriodOnTheResetsDay() {
        String tenantId = usageTenant("reset", Plan.FREE);
        Document before = counter(tenantId, MESSAGES_PER_MONTH);
        Instant start = before.getDate("periodStart").toInstant();
        Instant end = before.getDate("periodEnd").toInstant();
        UsagePeriod next = new UsagePeriod(end, end.plusSeconds(30L * 86_400));
        record(tenantId, used(tenantId, MESSAGES_PER_MONTH, 900, 900, Instant.now(), start),
                new UsageThresholdCrossedEvent(tenantId, MESSAGES_PER_MONTH, 80, 900, 1000, start),
                new UsagePeriodResetEvent(tenantId, MESSAGES_PER_MONTH, start, 900, next.start(), next.end()));

        Document messages = counter(tenantId, MESSAGES_PER_MONTH);
        assertThat(messages.get("used")).isEqualTo(0L);
        assertThat(messages.getDate("periodStart").toInstant()).isEqualTo(next.start());
        assertThat(messages.getDate("periodEnd").toInstant()).isEqualTo(next.end());
        assertThat(messages.getList("thresholds", Document.class)).isEmpty();
        Document today = day(tenantId, MESSAGES_PER_MONTH, LocalDate.now(ZoneOffset.UTC)).orElseThrow();
        assertThat(today.get("consumed")).as("the reset is not a release").isEqualTo(900L);
        assertThat(today.get("released")).isEqualTo(0L);
        assertThat(today.get("used")).isEqualTo(0L);
        assertThat(today.getDate("periodEnd").toInstant()).isEqualTo(next.end());
    }

    @Test
    void thresholdsAreListedOncePerPercentAndEmptiedWhenTheLimitsChange() {
        String tenantId = usageTenant("thresholds", Plan.FREE);
        record(tenantId, new UsageThresholdCrossedEvent(tenantId, CAMPAIGNS, 80, 8, 10, null),
                new UsageThresholdCrossedEvent(tenantId, CAMPAIGNS, 100, 10, 10, null),
                new UsageThresholdCrossedEvent(tenantId, CAMPAIGNS, 80, 8, 10, null));
        assertThat(counter(tenantId, CAMPAIGNS).getList("thresholds", Document.class))
                .extracting(entry -> entry.getInteger("percent")).containsExactly(80, 100);

        var starter = PlanCatalog.terms(Plan.STARTER).limits();
        record(tenantId, new PlanChangedEvent(tenantId, Plan.FREE, Plan.STARTER, starter, starter));
        assertThat(counter(tenantId, CAMPAIGNS).getList("thresholds", Document.class)).isEmpty();
        assertThat(CounterUpdates.quota(counter(tenantId, CAMPAIGNS))).isEqualTo(Quota.of(50));
    }

    @Test
    void apiCallHoursAddUpPerDayAndTheCounterKeepsTheLatestHour() {
        String tenantId = usageTenant("api", Plan.FREE);
        Instant nine = Instant.parse("2025-03-10T09:00:00Z");
        Instant ten = Instant.parse("2025-03-10T10:00:00Z");
        record(tenantId, new ApiCallsRecordedEvent(tenantId, ten, 300),
                new ApiCallsRecordedEvent(tenantId, nine, 200),
                new UsageThresholdCrossedEvent(tenantId, API_CALLS_PER_HOUR, 80, 900, 1000, ten));

        Document api = counter(tenantId, API_CALLS_PER_HOUR);
        assertThat(api.get("used")).as("a late earlier hour does not replace the latest").isEqualTo(300L);
        assertThat(api.getDate("periodStart").toInstant()).isEqualTo(ten);
        assertThat(api.getList("thresholds", Document.class)).extracting(entry -> entry.getDate("periodStart"))
                .containsExactly(Date.from(ten));
        Document day = day(tenantId, API_CALLS_PER_HOUR, LocalDate.parse("2025-03-10")).orElseThrow();
        assertThat(day.get("consumed")).isEqualTo(500L);
        assertThat(day.get("used")).isEqualTo(500L);
    }

    @Test
    void limitsBelowUsageMarkTheCounterAndTheTenantOverLimitUntilReleased() throws Exception {
        String tenantId = usageTenant("downgraded", Plan.STARTER);
        record(tenantId, used(tenantId, USERS, 8, 8, DAY_ONE, null));
        assertThat(view(tenantId).overLimit()).isEmpty();

        var free = PlanCatalog.terms(Plan.FREE).limits();
        record(tenantId, new PlanChangedEvent(tenantId, Plan.STARTER, Plan.FREE, free, free));
        assertThat(counter(tenantId, USERS).getBoolean("overLimit")).isTrue();
        assertThat(counter(tenantId, USERS).getDouble("percent")).isEqualTo(160.0);
        assertThat(view(tenantId).overLimit()).containsExactly("users");
        var listed = body(get("/api/v1/tenants?overLimit=true&q=" + view(tenantId).slug(), superadminToken()));
        assertThat(listed.at("/items/0/id").asText()).isEqualTo(tenantId);

        var overrides = new LimitOverrides(Quota.unlimitedQuota(), null, null, null, null, null, null, null);
        record(tenantId, new LimitsOverriddenEvent(tenantId, LimitOverrides.none(), overrides,
                overrides.applyTo(free)));
        assertThat(counter(tenantId, USERS).getBoolean("overLimit")).isFalse();
        assertThat(counter(tenantId, USERS).get("percent")).isNull();
        assertThat(view(tenantId).overLimit()).isEmpty();

        record(tenantId, new LimitsOverriddenEvent(tenantId, overrides, LimitOverrides.none(), free),
                used(tenantId, USERS, -4, 4, DAY_TWO, null));
        assertThat(counter(tenantId, USERS).getBoolean("overLimit")).isFalse();
        assertThat(view(tenantId).overLimit()).isEmpty();
    }

    @Test
    void statusAndTimeZoneAreTracked() {
        String tenantId = usageTenant("status", Plan.FREE);
        record(tenantId, new TenantSuspendedEvent(tenantId, "unpaid"),
                new SettingsChangedEvent(tenantId, List.of(new FieldChange("timezone", "UTC", "Asia/Tokyo"))));
        Document tenant = usage.tenant(TenantId.of(tenantId)).orElseThrow();
        assertThat(tenant.getString("status")).isEqualTo("SUSPENDED");
        assertThat(tenant.getString("timezone")).isEqualTo("Asia/Tokyo");

        record(tenantId, new TenantActivatedEvent(tenantId, "paid"));
        assertThat(usage.tenant(TenantId.of(tenantId)).orElseThrow().getString("status"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void eventsThisModelIgnoresStillMoveTheVersionOn() {
        String tenantId = usageTenant("members", Plan.FREE);
        long version = record(tenantId, new UserAddedEvent(tenantId, "u-2", "two@members.test", Role.MEMBER));
        assertThat(usageVersion(tenantId)).isEqualTo(version).isEqualTo(2);
    }
}
