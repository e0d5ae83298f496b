package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.command.*;
import dev.tenancy.api.tenant.event.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.tenancy.command.tenant.TenantFixtures.NOW;
import static dev.tenancy.command.tenant.TenantFixtures.TENANT;
import static dev.tenancy.command.tenant.TenantFixtures.as;
import static dev.tenancy.command.tenant.TenantFixtures.created;
import static dev.tenancy.command.tenant.TenantFixtures.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class TenantLifecycleTest {

    private AggregateTestFixture<TenantAggregate> fixture;
    private DomainRegistry registry;

    @BeforeEach
    void setUp() {
        registry = mock(DomainRegistry.class);
        fixture = TenantFixtures.fixture(registry, new FakeDomainVerifier());
    }

    @Test
    void anActiveTenantIsSuspendedAndAnswersItsNewVersion() {
        fixture.given(created(Plan.FREE))
                .when(new SuspendTenantCommand(TENANT, "unpaid invoice"), as("SUPERADMIN"))
                .expectEvents(new TenantSuspendedEvent(TENANT, "unpaid invoice"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aSuspendedTenantCannotBeSuspendedAgain() {
        fixture.given(created(Plan.FREE), new TenantSuspendedEvent(TENANT, "unpaid"))
                .when(new SuspendTenantCommand(TENANT, "again"))
                .expectException(refusedWith("invalid-status-transition"))
                .expectNoEvents();
    }

    @Test
    void aSuspendedTenantIsActivated() {
        fixture.given(created(Plan.FREE), new TenantSuspendedEvent(TENANT, "unpaid"))
                .when(new ActivateTenantCommand(TENANT, "paid"))
                .expectEvents(new TenantActivatedEvent(TENANT, "paid"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void anActiveTenantCannotBeActivated() {
        fixture.given(created(Plan.FREE))
                .when(new ActivateTenantCommand(TENANT, "why"))
                .expectException(refusedWith("invalid-status-transition"))
                .expectNoEvents();
    }

    @Test
    void deletingReservesTheTenantsNamesForTheReservationPeriod() {
        fixture.given(created(Plan.FREE), new TenantSuspendedEvent(TENANT, "fraud"))
                .when(new DeleteTenantCommand(TENANT, "fraud confirmed"))
                .expectEvents(new TenantDeletedEvent(TENANT, "fraud confirmed", NOW,
                        NOW.plus(TenantAggregate.RESERVATION_AFTER_DELETE)))
                .expectResultMessagePayload(new DeletionReceipt(TENANT, NOW, NOW.plus(java.time.Duration.ofDays(90)),
                        2L));
    }

    @Test
    void aDeletedTenantAnswersEveryCommandAsIfItDidNotExist() {
        Object[] commands = {
                new DeleteTenantCommand(TENANT, "twice"),
                new SuspendTenantCommand(TENANT, "x"),
                new ActivateTenantCommand(TENANT, "x"),
                new ChangePlanCommand(TENANT, Plan.ENTERPRISE),
                new OverrideFeaturesCommand(TENANT, Map.of(Feature.AB_TESTING, true)),
                new UpdateSettingsCommand(TENANT, Map.of("timezone", "Europe/Berlin")),
                new VerifyDomainCommand(TENANT, "acme.example", true),
                new RemoveDomainCommand(TENANT, "acme.example"),
                new RegisterDomainCommand(TENANT, "other.example", "token")};
        for (Object command : commands) {
            fixture.given(created(Plan.FREE), new DomainRegisteredEvent(TENANT, "acme.example", "token"),
                            new TenantDeletedEvent(TENANT, "gone", NOW, NOW.plusSeconds(60)))
                    .when(command, as("SUPERADMIN"))
                    .expectException(refusedWith("tenant-not-found"))
                    .expectNoEvents();
        }
        verifyNoInteractions(registry);
    }

    @Test
    void aSuspendedTenantsAdminsCannotChangeAnything() {
        Object[] commands = {
                new UpdateSettingsCommand(TENANT, Map.of("timezone", "Europe/Berlin")),
                new UpdateBrandingCommand(TENANT, Map.of("primaryColor", "#112233")),
                new RegisterDomainCommand(TENANT, "other.example", "token"),
                new VerifyDomainCommand(TENANT, "acme.example", false),
                new RemoveDomainCommand(TENANT, "acme.example")};
        for (Object command : commands) {
            fixture.given(created(Plan.ENTERPRISE), new DomainRegisteredEvent(TENANT, "acme.example", "token"),
                            new TenantSuspendedEvent(TENANT, "unpaid invoice"))
                    .when(command, as("OWNER"))
                    .expectException(TenantRuleViolation.class)
                    .expectException(refusedWith("tenant-suspended"))
                    .expectExceptionMessage("The tenant is suspended: unpaid invoice")
                    .expectNoEvents();
        }
        verifyNoInteractions(registry);
    }

    @Test
    void superadminsStillChangeASuspendedTenant() {
        LimitOverrides overrides = new LimitOverrides(Quota.of(50), null, null, null, null, null, null, null);
        fixture.given(created(Plan.FREE), new TenantSuspendedEvent(TENANT, null))
                .when(new ChangePlanCommand(TENANT, Plan.STARTER), as("SUPERADMIN"))
                .expectEvents(new PlanChangedEvent(TENANT, Plan.FREE, Plan.STARTER,
                        PlanCatalog.terms(Plan.STARTER).limits(), PlanCatalog.terms(Plan.STARTER).limits()));
        fixture.given(created(Plan.FREE), new TenantSuspendedEvent(TENANT, null))
                .when(new OverrideLimitsCommand(TENANT, overrides), as("SUPERADMIN"))
                .expectEvents(new LimitsOverriddenEvent(TENANT, LimitOverrides.none(), overrides,
                        overrides.applyTo(PlanCatalog.terms(Plan.FREE).limits())));
        fixture.given(created(Plan.FREE), new TenantSuspendedEvent(TENANT, null))
                .when(new OverrideFeaturesCommand(TENANT, Map.of(Feature.WHITE_LABEL, true)), as("SUPERADMIN"))
                .expectEvents(new FeaturesOverriddenEvent(TENANT, Map.of(), Map.of(Feature.WHITE_LABEL, true)));
        fixture.given(created(Plan.FREE), new TenantSuspendedEvent(TENANT, null))
                .when(new DeleteTenantCommand(TENANT, "closing"), as("SUPERADMIN"))
                .expectEvents(new TenantDeletedEvent(TENANT, "closing", NOW,
                        NOW.plus(TenantAggregate.RESERVATION_AFTER_DELETE)));
    }

    @Test
    void aSuspensionWithoutReasonStillExplainsItself() {
        TenantRuleViolation violation = TenantRuleViolation.suspended(null);
        assertThat(violation.details()).containsEntry("reason", "no reason given");
        assertThat(violation.kind()).isEqualTo(TenantRuleViolation.Kind.FORBIDDEN);
    }
}
