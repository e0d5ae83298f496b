package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.command.ChangePlanCommand;
import dev.tenancy.api.tenant.command.OverrideFeaturesCommand;
import dev.tenancy.api.tenant.command.OverrideLimitsCommand;
import dev.tenancy.api.tenant.event.FeaturesOverriddenEvent;
import dev.tenancy.api.tenant.event.LimitsOverriddenEvent;
import dev.tenancy.api.tenant.event.PlanChangedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.tenancy.command.tenant.TenantFixtures.TENANT;
import static dev.tenancy.command.tenant.TenantFixtures.as;
import static dev.tenancy.command.tenant.TenantFixtures.created;
import static dev.tenancy.command.tenant.TenantFixtures.refusedWith;
import static org.mockito.Mockito.mock;

class TenantPlanTest {

    private static final Limits FREE = PlanCatalog.terms(Plan.FREE).limits();
    private static final Limits PROFESSIONAL = PlanCatalog.terms(Plan.PROFESSIONAL).limits();
    private AggregateTestFixture<TenantAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture(mock(DomainRegistry.class), new FakeDomainVerifier());
    }

    @Test
    void aPlanChangeCarriesTheNewPlansLimits() {
        fixture.given(created(Plan.FREE))
                .when(new ChangePlanCommand(TENANT, Plan.PROFESSIONAL), as("SUPERADMIN"))
                .expectEvents(new PlanChangedEvent(TENANT, Plan.FREE, Plan.PROFESSIONAL, PROFESSIONAL, PROFESSIONAL))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aDowngradeIsAccepted() {
        fixture.given(created(Plan.PROFESSIONAL))
                .when(new ChangePlanCommand(TENANT, Plan.FREE))
                .expectEvents(new PlanChangedEvent(TENANT, Plan.PROFESSIONAL, Plan.FREE, FREE, FREE));
    }

    @Test
    void theSamePlanChangesNothingAndAnswersTheCurrentVersion() {
        fixture.given(created(Plan.STARTER))
                .when(new ChangePlanCommand(TENANT, Plan.STARTER))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aPlanIsRequired() {
        fixture.given(created(Plan.STARTER))
                .when(new ChangePlanCommand(TENANT, null))
                .expectException(refusedWith("validation-failed"))
                .expectNoEvents();
    }

    @Test
    void aPlanChangeKeepsTheLimitOverrides() {
        LimitOverrides overrides = new LimitOverrides(Quota.of(500), null, null, null, null, null, null, true);
        Limits expected = new Limits(Quota.of(500), PROFESSIONAL.campaigns(), PROFESSIONAL.messagesPerMonth(),
                PROFESSIONAL.telegramAccounts(), PROFESSIONAL.storage(), PROFESSIONAL.apiCallsPerHour(),
                PROFESSIONAL.webhooks(), true);
        fixture.given(created(Plan.FREE), new LimitsOverriddenEvent(TENANT, LimitOverrides.none(), overrides,
                        overrides.applyTo(FREE)))
                .when(new ChangePlanCommand(TENANT, Plan.PROFESSIONAL))
                .expectEvents(new PlanChangedEvent(TENANT, Plan.FREE, Plan.PROFESSIONAL, PROFESSIONAL, expected));
    }

    @Test
    void limitOverridesReplaceThePreviousOnesAndApplyToThePlan() {
        LimitOverrides first = new LimitOverrides(Quota.of(500), Quota.unlimitedQuota(), null, null, null, null, null,
                null);
        LimitOverrides second = new LimitOverrides(null, null, null, null, null, null, Quota.of(9), null);
        fixture.given(created(Plan.FREE), new LimitsOverriddenEvent(TENANT, LimitOverrides.none(), first,
                        first.applyTo(FREE)))
                .when(new OverrideLimitsCommand(TENANT, second))
                .expectEvents(new LimitsOverriddenEvent(TENANT, first, second, new Limits(FREE.users(),
                        FREE.campaigns(), FREE.messagesPerMonth(), FREE.telegramAccounts(), FREE.storage(),
                        FREE.apiCallsPerHour(), Quota.of(9), false)));
    }

    @Test
    void theSameLimitOverridesChangeNothing() {
        LimitOverrides overrides = new LimitOverrides(Quota.of(500), null, null, null, null, null, null, null);
        fixture.given(created(Plan.FREE), new LimitsOverriddenEvent(TENANT, LimitOverrides.none(), overrides,
                        overrides.applyTo(FREE)))
                .when(new OverrideLimitsCommand(TENANT, new LimitOverrides(Quota.of(500), null, null, null, null,
                        null, null, null)))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void noLimitOverridesClearThem() {
        LimitOverrides overrides = new LimitOverrides(Quota.of(500), null, null, null, null, null, null, null);
        fixture.given(created(Plan.FREE), new LimitsOverriddenEvent(TENANT, LimitOverrides.none(), overrides,
                        overrides.applyTo(FREE)))
                .when(new OverrideLimitsCommand(TENANT, null))
                .expectEvents(new LimitsOverriddenEvent(TENANT, overrides, LimitOverrides.none(), FREE));
    }

    @Test
    void featureOverridesReplaceThePreviousOnes() {
        fixture.given(created(Plan.FREE), new FeaturesOverriddenEvent(TENANT, Map.of(),
                        Map.of(Feature.AB_TESTING, true)))
                .when(new OverrideFeaturesCommand(TENANT, Map.of(Feature.BASIC_ANALYTICS, false)))
                .expectEvents(new FeaturesOverriddenEvent(TENANT, Map.of(Feature.AB_TESTING, true),
                        Map.of(Feature.BASIC_ANALYTICS, false)))
                .expectResultMessagePayload(2L);
    }

    @Test
    void theSameFeatureOverridesChangeNothing() {
        fixture.given(created(Plan.FREE), new FeaturesOverriddenEvent(TENANT, Map.of(),
                        Map.of(Feature.AB_TESTING, true)))
                .when(new OverrideFeaturesCommand(TENANT, Map.of(Feature.AB_TESTING, true)))
                .expectNoEvents();
    }

    @Test
    void aFeatureOverrideWithoutAValueIsRefused() {
        Map<Feature, Boolean> incomplete = new HashMap<>();
        incomplete.put(Feature.AB_TESTING, null);
        fixture.given(created(Plan.FREE))
                .when(new OverrideFeaturesCommand(TENANT, incomplete))
                .expectException(refusedWith("validation-failed"))
                .expectNoEvents();
    }
}
