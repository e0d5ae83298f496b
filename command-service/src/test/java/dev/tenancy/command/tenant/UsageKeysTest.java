package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.usage.RecordUsageCommand;
import dev.tenancy.api.usage.UsageOutcome;
import dev.tenancy.api.usage.UsageRecordedEvent;
import dev.tenancy.platform.axon.Serializers;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.tenancy.command.tenant.TenantFixtures.NOW;
import static dev.tenancy.command.tenant.TenantFixtures.TENANT;
import static dev.tenancy.command.tenant.TenantFixtures.created;
import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys beyond the aggregate's recent set are answered from the outcome store. */
class UsageKeysTest {

    private static final Instant PERIOD_START = Instant.parse("2026-11-27T00:00:00Z");
    private static final Resource MESSAGES = Resource.MESSAGES_PER_MONTH;
    private final InMemoryUsageOutcomeStore store = new InMemoryUsageOutcomeStore();
    private AggregateTestFixture<TenantAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.usageFixture(new MutableClock(NOW), store);
    }

    private static UsageRecordedEvent recorded(long used, String key) {
        return new UsageRecordedEvent(TENANT, MESSAGES, 1, used, key, NOW, PERIOD_START, 1);
    }

    /** The tenant's creation and then {@code reports} reports of one message each, keys k0, k1, ... */
    private static List<Object> history(int reports) {
        List<Object> events = new ArrayList<>();
        events.add(created(Plan.ENTERPRISE));
        for (int i = 0; i < reports; i++) {
            events.add(recorded(i + 1, "k" + i));
        }
        return events;
    }

    private static UsageOutcome accepted(long used) {
        return new UsageOutcome(TENANT, MESSAGES, true, 1, 1, used, Quota.unlimitedQuota(), null, false);
    }

    private static RecordUsageCommand use(String key) {
        return new RecordUsageCommand(TENANT, MESSAGES, 1, key, NOW);
    }

    @Test
    void aKeyOlderThanTheRecentSetIsAnsweredFromTheStore() {
        store.save(TENANT, "k0", accepted(1), NOW);
        fixture.given(history(UsageLedger.RECENT_KEYS + 1))
                .when(use("k0"))
                .expectNoEvents()
                .expectResultMessagePayload(accepted(1).asReplay());
    }

    @Test
    void aKeyNeitherRecentNorStoredCountsAsANewReport() {
        int reports = UsageLedger.RECENT_KEYS + 1;
        fixture.given(history(reports))
                .when(use("k0"))
                .expectEvents(recorded(reports + 1, "k0"))
                .expectResultMessagePayload(accepted(reports + 1));
    }

    @Test
    void aRecentKeyIsAnsweredFromTheAggregateEvenWhenTheStoreMissedIt() {
        int reports = UsageLedger.RECENT_KEYS + 1;
        fixture.given(history(reports))
                .when(use("k1"))
                .expectNoEvents()
                .expectResultMessagePayload(accepted(2).asReplay());
    }

    @Test
    void aKeyOnlyInTheStoreIsAnswered() {
        UsageOutcome refused = new UsageOutcome(TENANT, Resource.CAMPAIGNS, false, 2, 0, 9, Quota.of(10),
                "limit-exceeded", false);
        store.save(TENANT, "before-the-snapshot", refused, NOW);
        fixture.given(created(Plan.FREE))
                .when(new RecordUsageCommand(TENANT, Resource.CAMPAIGNS, 1, "before-the-snapshot", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(refused.asReplay());
    }

    @Test
    void aDecidedReportIsSavedToTheStoreOnceItsEventsAreStored() {
        fixture.given(history(2))
                .when(use("new"))
                .expectEvents(recorded(3, "new"));
        assertThat(store.find(TENANT, "new")).contains(accepted(3));
        assertThat(store.find("t-2", "new")).isEmpty();
    }

    @Test
    void theAggregateRemembersAtMostTheRecentKeysSoItsSnapshotStaysBounded() {
        UsageLedger ledger = new UsageLedger();
        ledger.on(created(Plan.ENTERPRISE));
        for (int i = 0; i < 1_500; i++) {
            ledger.on(recorded(i + 1, "k" + i), NOW.plus(Duration.ofSeconds(i)));
        }
        assertThat(ledger.rememberedKeys()).isEqualTo(UsageLedger.RECENT_KEYS);
        int at1500 = Serializers.snapshots().serialize(ledger, String.class).getData().length();
        for (int i = 1_500; i < 3_000; i++) {
            ledger.on(recorded(i + 1, "k" + i), NOW.plus(Duration.ofSeconds(i)));
        }
        int at3000 = Serializers.snapshots().serialize(ledger, String.class).getData().length();
        assertThat(ledger.rememberedKeys()).isEqualTo(UsageLedger.RECENT_KEYS);
        assertThat(at3000).isLessThan(at1500 + at1500 / 100);
    }
}
