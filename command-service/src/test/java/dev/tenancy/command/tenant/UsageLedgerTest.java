package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.event.LimitsOverriddenEvent;
import dev.tenancy.api.tenant.event.PlanChangedEvent;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.usage.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.tenancy.command.tenant.TenantFixtures.NOW;
import static dev.tenancy.command.tenant.TenantFixtures.TENANT;
import static dev.tenancy.command.tenant.TenantFixtures.created;

class UsageLedgerTest {

    private static final Instant PERIOD_END = Instant.parse("2026-12-27T00:00:00Z");
    private static final Instant PERIOD_START = Instant.parse("2026-11-27T00:00:00Z");
    private MutableClock clock;
    private final InMemoryUsageOutcomeStore store = new InMemoryUsageOutcomeStore();
    private AggregateTestFixture<TenantAggregate> fixture;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(NOW);
        fixture = TenantFixtures.usageFixture(clock, store);
    }

    private static RecordUsageCommand use(Resource resource, long delta, String key) {
        return new RecordUsageCommand(TENANT, resource, delta, key, NOW);
    }

    private static UsageRecordedEvent recorded(Resource resource, long delta, long used, String key) {
        return recorded(resource, delta, used, key, delta);
    }

    private static UsageRecordedEvent recorded(Resource resource, long delta, long used, String key,
                                               long requested) {
        return new UsageRecordedEvent(TENANT, resource, delta, used, key, NOW, PERIOD_START, requested);
    }

    @Test
    void countsWithinTheLimit() {
        fixture.given(created(Plan.FREE))
                .when(use(Resource.CAMPAIGNS, 3, "k1"))
                .expectEvents(recorded(Resource.CAMPAIGNS, 3, 3, "k1"))
                .expectResultMessagePayload(new UsageOutcome(TENANT, Resource.CAMPAIGNS, true, 3, 3, 3,
                        Quota.of(10), null, false));
    }

    @Test
    void aReportThatWouldPassTheLimitIsRefusedWholeAndRemembered() {
        fixture.given(created(Plan.FREE), recorded(Resource.CAMPAIGNS, 9, 9, "k1"))
                .when(use(Resource.CAMPAIGNS, 2, "k2"))
                .expectEvents(new UsageRefusedEvent(TENANT, Resource.CAMPAIGNS, 2, 9, Quota.of(10), "k2", NOW,
                        "limit-exceeded"))
                .expectResultMessagePayload(new UsageOutcome(TENANT, Resource.CAMPAIGNS, false, 2, 0, 9,
                        Quota.of(10), "limit-exceeded", false));
    }

    @Test
    void reachingTheLimitExactlyIsAllowedAndCrossesBothThresholdsOnce() {
        fixture.given(created(Plan.FREE), recorded(Resource.CAMPAIGNS, 7, 7, "k1"))
                .when(use(Resource.CAMPAIGNS, 3, "k2"))
                .expectEvents(recorded(Resource.CAMPAIGNS, 3, 10, "k2"),
                        new UsageThresholdCrossedEvent(TENANT, Resource.CAMPAIGNS, 80, 10, 10, PERIOD_START),
                        new UsageThresholdCrossedEvent(TENANT, Resource.CAMPAIGNS, 100, 10, 10, PERIOD_START));
    }

    @Test
    void aThresholdAlreadyCrossedIsNotAnnouncedAgainUntilTheLimitChanges() {
        fixture.given(created(Plan.FREE), recorded(Resource.CAMPAIGNS, 8, 8, "k1"),
                        new UsageThresholdCrossedEvent(TENANT, Resource.CAMPAIGNS, 80, 8, 10, PERIOD_START),
                        recorded(Resource.CAMPAIGNS, -1, 7, "k2"))
                .when(use(Resource.CAMPAIGNS, 1, "k3"))
                .expectEvents(recorded(Resource.CAMPAIGNS, 1, 8, "k3"));
        fixture.given(created(Plan.FREE), recorded(Resource.CAMPAIGNS, 8, 8, "k1"),
                        new UsageThresholdCrossedEvent(TENANT, Resource.CAMPAIGNS, 80, 8, 10, PERIOD_START),
                        new LimitsOverriddenEvent(TENANT, LimitOverrides.none(), LimitOverrides.none(),
                                PlanCatalog.terms(Plan.FREE).limits()))
                .when(use(Resource.CAMPAIGNS, 1, "k4"))
                .expectEvents(recorded(Resource.CAMPAIGNS, 1, 9, "k4"),
                        new UsageThresholdCrossedEvent(TENANT, Resource.CAMPAIGNS, 80, 9, 10, PERIOD_START));
    }

    @Test
    void unlimitedResourcesAreNeverRefused() {
        fixture.given(created(Plan.ENTERPRISE))
                .when(use(Resource.MESSAGES_PER_MONTH, 5_000_000, "k1"))
                .expectEvents(recorded(Resource.MESSAGES_PER_MONTH, 5_000_000, 5_000_000, "k1"));
    }

    @Test
    void aReleaseNeverTakesAGaugeBelowZero() {
        fixture.given(created(Plan.FREE), recorded(Resource.STORAGE, 100, 100, "k1"))
                .when(use(Resource.STORAGE, -500, "k2"))
                .expectEvents(recorded(Resource.STORAGE, -100, 0, "k2", -500))
                .expectResultMessagePayload(new UsageOutcome(TENANT, Resource.STORAGE, true, -500, -100, 0,
                        PlanCatalog.terms(Plan.FREE).limits().storage(), null, false));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstOutcomeAndCountsNothing() {
        fixture.given(created(Plan.FREE), recorded(Resource.CAMPAIGNS, 3, 3, "k1"))
                .when(use(Resource.CAMPAIGNS, 3, "k1"))
                .expectNoEvents()
                .expectResultMessagePayload(new UsageOutcome(TENANT, Resource.CAMPAIGNS, true, 3, 3, 3,
                        Quota.of(10), null, true));
    }

    @Test
    void aKeyIsForgottenTwoDaysAfterItsReport() {
        // the given events are stamped with the fixture's time, which starts at the real time unless set
        fixture.givenCurrentTime(NOW).andGiven(created(Plan.FREE), recorded(Resource.CAMPAIGNS, 3, 3, "k1"))
                .andGivenCurrentTime(NOW.plus(Duration.ofHours(49)))
                .andGiven(recorded(Resource.CAMPAIGNS, 1, 4, "k2"))
                .when(use(Resource.CAMPAIGNS, 3, "k1"))
                .expectEvents(recorded(Resource.CAMPAIGNS, 3, 7, "k1"));
        fixture.givenCurrentTime(NOW).andGiven(created(Plan.FREE), recorded(Resource.CAMPAIGNS, 3, 3, "k1"))
                .andGivenCurrentTime(NOW.plus(Duration.ofHours(25)))
                .andGiven(recorded(Resource.CAMPAIGNS, 1, 4, "k2"))
                .when(use(Resource.CAMPAIGNS, 3, "k1"))
                .expectNoEvents();
    }

    @Test
    void aDowngradeBelowUsageIsAcceptedAndFurtherConsumptionIsRefused() {
        fixture.given(created(Plan.STARTER), recorded(Resource.CAMPAIGNS, 30, 30, "k1"),
                        new PlanChangedEvent(TENANT, Plan.STARTER, Plan.FREE, PlanCatalog.terms(Plan.FREE).limits(),
                                PlanCatalog.terms(Plan.FREE).limits()))
                .when(use(Resource.CAMPAIGNS, 1, "k2"))
                .expectEvents(new UsageRefusedEvent(TENANT, Resource.CAMPAIGNS, 1, 30, Quota.of(10), "k2", NOW,
                        "limit-exceeded"));
        fixture.given(created(Plan.STARTER), recorded(Resource.CAMPAIGNS, 30, 30, "k1"),
                        new PlanChangedEvent(TENANT, Plan.STARTER, Plan.FREE, PlanCatalog.terms(Plan.FREE).limits(),
                                PlanCatalog.terms(Plan.FREE).limits()))
                .when(use(Resource.CAMPAIGNS, -5, "k3"))
                .expectEvents(recorded(Resource.CAMPAIGNS, -5, 25, "k3"));
    }

    @Test
    void aTenantIdleForThreeMonthsGetsEveryResetBeforeItsNextMessage() {
        clock.advance(Duration.ofDays(95));
        Instant p2 = PERIOD_END;
        Instant p3 = Instant.parse("2027-01-27T00:00:00Z");
        Instant p4 = Instant.parse("2027-02-27T00:00:00Z");
        Instant p5 = Instant.parse("2027-03-27T00:00:00Z");
        fixture.given(created(Plan.FREE), recorded(Resource.MESSAGES_PER_MONTH, 700, 700, "k1"))
                .when(new RecordUsageCommand(TENANT, Resource.MESSAGES_PER_MONTH, 10, "k2", NOW))
                .expectEvents(
                        new UsagePeriodResetEvent(TENANT, Resource.MESSAGES_PER_MONTH, PERIOD_START, 700, p2, p3),
                        new UsagePeriodResetEvent(TENANT, Resource.MESSAGES_PER_MONTH, p2, 0, p3, p4),
                        new UsagePeriodResetEvent(TENANT, Resource.MESSAGES_PER_MONTH, p3, 0, p4, p5),
                        new UsageRecordedEvent(TENANT, Resource.MESSAGES_PER_MONTH, 10, 10, "k2", NOW, p4, 10));
    }

    @Test
    void aRolloverWithinThePeriodDoesNothingAndAtTheBoundaryResetsOnce() {
        fixture.given(created(Plan.FREE))
                .when(new RolloverUsagePeriodCommand(TENANT))
                .expectNoEvents();
        clock.advance(Duration.between(NOW, PERIOD_END));
        fixture.given(created(Plan.FREE))
                .when(new RolloverUsagePeriodCommand(TENANT))
                .expectEvents(new UsagePeriodResetEvent(TENANT, Resource.MESSAGES_PER_MONTH, PERIOD_START, 0,
                        PERIOD_END, Instant.parse("2027-01-27T00:00:00Z")));
    }

    @Test
    void theNextPeriodFollowsTheTenantsTimeZone() {
        clock.advance(Duration.ofDays(31));
        fixture.given(created(Plan.FREE), new SettingsChangedEvent(TENANT,
                        List.of(new FieldChange("timezone", "UTC", "Asia/Tokyo"))))
                .when(new RolloverUsagePeriodCommand(TENANT))
                .expectEvents(new UsagePeriodResetEvent(TENANT, Resource.MESSAGES_PER_MONTH, PERIOD_START, 0,
                        PERIOD_END, Instant.parse("2027-01-26T15:00:00Z")));
    }

    @Test
    void invalidReportsAreRefusedWithoutEvents() {
        fixture.given(created(Plan.FREE)).when(use(Resource.CAMPAIGNS, 0, "k"))
                .expectException(TenantRuleViolation.class).expectNoEvents();
        fixture.given(created(Plan.FREE)).when(use(Resource.CUSTOM_INTEGRATIONS, 1, "k"))
                .expectException(TenantRuleViolation.class).expectNoEvents();
        fixture.given(created(Plan.FREE)).when(use(Resource.USERS, 1, "k"))
                .expectExceptionMessage("users are counted by invitations and removals").expectNoEvents();
        fixture.given(created(Plan.FREE)).when(use(Resource.CAMPAIGNS, 1, " "))
                .expectException(TenantRuleViolation.class).expectNoEvents();
    }

    @Test
    void aSuspendedTenantCannotGrowItsUsageButCanRelease() {
        fixture.given(created(Plan.FREE), recorded(Resource.CAMPAIGNS, 2, 2, "k1"),
                        new TenantSuspendedEvent(TENANT, "unpaid"))
                .when(use(Resource.CAMPAIGNS, 1, "k2"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("suspended"));
        fixture.given(created(Plan.FREE), recorded(Resource.CAMPAIGNS, 2, 2, "k1"),
                        new TenantSuspendedEvent(TENANT, "unpaid"))
                .when(use(Resource.CAMPAIGNS, -1, "k2"))
                .expectEvents(recorded(Resource.CAMPAIGNS, -1, 1, "k2"));
    }

    @Test
    void hourlyApiCallsAreRecordedOncePerHour() {
        Instant hour = Instant.parse("2026-11-27T09:00:00Z");
        fixture.given(created(Plan.FREE))
                .when(new RecordApiCallsCommand(TENANT, hour, 850))
                .expectEvents(new ApiCallsRecordedEvent(TENANT, hour, 850),
                        new UsageThresholdCrossedEvent(TENANT, Resource.API_CALLS_PER_HOUR, 80, 850, 1000, hour));
        fixture.given(created(Plan.FREE), new ApiCallsRecordedEvent(TENANT, hour, 850))
                .when(new RecordApiCallsCommand(TENANT, hour, 900))
                .expectNoEvents();
    }
}
