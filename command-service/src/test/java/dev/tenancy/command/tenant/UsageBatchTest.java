package dev.tenancy.command.tenant;

import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.usage.BatchedUsageReport;
import dev.tenancy.api.usage.RecordUsageBatchCommand;
import dev.tenancy.api.usage.UsageOutcome;
import dev.tenancy.api.usage.UsageRecordedEvent;
import dev.tenancy.api.usage.UsageRefusedEvent;
import dev.tenancy.api.usage.UsageThresholdCrossedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.tenancy.command.tenant.TenantFixtures.NOW;
import static dev.tenancy.command.tenant.TenantFixtures.TENANT;
import static dev.tenancy.command.tenant.TenantFixtures.created;
import static org.assertj.core.api.Assertions.assertThat;

/** A batch of one tenant's reports: each decided as if sent alone, each traced to its own report. */
class UsageBatchTest {

    private static final Instant PERIOD_START = Instant.parse("2026-11-27T00:00:00Z");
    private final InMemoryUsageOutcomeStore store = new InMemoryUsageOutcomeStore();
    private final List<BatchedUsageDecision> decisions = new ArrayList<>();
    private AggregateTestFixture<TenantAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.usageFixture(new MutableClock(NOW), store);
    }

    @Test
    void eachReportIsDecidedInTurnAndItsEventsCarryItsOwnTrace() {
        fixture.given(created(Plan.FREE), recorded(7, 7, "k0"))
                .when(batch(report(1, "k1"), report(0, "k-bad"), report(5, "k2"), report(1, "k1"), report(2, "k3")))
                .expectEventsMatching(Matchers.exactSequenceOf(
                        traced(recorded(1, 8, "k1"), "k1"),
                        traced(new UsageThresholdCrossedEvent(TENANT, Resource.CAMPAIGNS, 80, 8, 10, PERIOD_START),
                                "k1"),
                        traced(new UsageRefusedEvent(TENANT, Resource.CAMPAIGNS, 5, 8, Quota.of(10), "k2", NOW,
                                "limit-exceeded"), "k2"),
                        traced(recorded(2, 10, "k3"), "k3"),
                        traced(new UsageThresholdCrossedEvent(TENANT, Resource.CAMPAIGNS, 100, 10, 10, PERIOD_START),
                                "k3"),
                        Matchers.andNoMore()))
                .expectResultMessagePayloadMatching(captured());

        assertThat(decisions).hasSize(5);
        assertThat(decisions.get(0).outcome()).isEqualTo(outcome(true, 1, 1, 8, null, false));
        assertThat(decisions.get(1).outcome()).isNull();
        assertThat(decisions.get(1).refusal().code()).isEqualTo("validation-failed");
        assertThat(decisions.get(2).outcome()).isEqualTo(outcome(false, 5, 0, 8, "limit-exceeded", false));
        assertThat(decisions.get(3).outcome()).isEqualTo(outcome(true, 1, 1, 8, null, true));
        assertThat(decisions.get(4).outcome()).isEqualTo(outcome(true, 2, 2, 10, null, false));
        assertThat(store.find(TENANT, "k3")).contains(outcome(true, 2, 2, 10, null, false));
        assertThat(store.find(TENANT, "k-bad")).isEmpty();
    }

    @Test
    void aKeyOnlyTheStoreStillKnowsIsAnsweredAgainWithoutCounting() {
        store.save(TENANT, "old", outcome(true, 3, 3, 3, null, false), NOW.minusSeconds(3600));

        fixture.given(created(Plan.FREE))
                .when(batch(report(3, "old"), report(1, "new")))
                .expectEventsMatching(Matchers.exactSequenceOf(traced(recorded(1, 1, "new"), "new"),
                        Matchers.andNoMore()))
                .expectResultMessagePayloadMatching(captured());

        assertThat(decisions).extracting(BatchedUsageDecision::outcome)
                .containsExactly(outcome(true, 3, 3, 3, null, true), outcome(true, 1, 1, 1, null, false));
    }

    @Test
    void aSuspendedTenantsBatchReleasesButRefusesEachGrowth() {
        fixture.given(created(Plan.FREE), recorded(3, 3, "k0"), new TenantSuspendedEvent(TENANT, "unpaid"))
                .when(batch(report(1, "up"), report(-1, "down")))
                .expectEventsMatching(Matchers.exactSequenceOf(traced(recorded(-1, 2, "down"), "down"),
                        Matchers.andNoMore()))
                .expectResultMessagePayloadMatching(captured());

        assertThat(decisions.get(0).refusal().code()).isEqualTo("tenant-suspended");
        assertThat(decisions.get(1).outcome().used()).isEqualTo(2);
    }

    @Test
    void aDeletedTenantRefusesTheWholeBatch() {
        fixture.given(created(Plan.FREE), new TenantDeletedEvent(TENANT, "closed", NOW, NOW.plusSeconds(86400)))
                .when(batch(report(1, "k1")))
                .expectNoEvents()
                .expectException(TenantFixtures.refusedWith("tenant-not-found"));
    }

    private Matcher<?> captured() {
        return Matchers.predicate(result -> {
            ((List<?>) result).forEach(decision -> decisions.add((BatchedUsageDecision) decision));
            return true;
        });
    }

    private static Matcher<EventMessage<?>> traced(Object payload, String key) {
        return Matchers.predicate(event -> event.getPayload().equals(payload)
                && ("corr-" + key).equals(event.getMetaData().get(MetadataKeys.CORRELATION_ID))
                && ("usage-reports-0-" + key).equals(event.getMetaData().get(MetadataKeys.REQUEST_ID)));
    }

    private static RecordUsageBatchCommand batch(BatchedUsageReport... reports) {
        return new RecordUsageBatchCommand(TENANT, List.of(reports));
    }

    private static BatchedUsageReport report(long delta, String key) {
        return new BatchedUsageReport(Resource.CAMPAIGNS, delta, key, NOW, "corr-" + key, "usage-reports-0-" + key);
    }

    private static UsageRecordedEvent recorded(long delta, long used, String key) {
        return new UsageRecordedEvent(TENANT, Resource.CAMPAIGNS, delta, used, key, NOW, PERIOD_START, delta);
    }

    private static UsageOutcome outcome(boolean accepted, long requested, long applied, long used, String reason,
                                        boolean replayed) {
        return new UsageOutcome(TENANT, Resource.CAMPAIGNS, accepted, requested, applied, used, Quota.of(10), reason,
                replayed);
    }
}
