package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.api.user.command.DisableTwoFactorCommand;
import dev.tenancy.api.user.command.EnableTwoFactorCommand;
import dev.tenancy.api.user.command.RecordPasswordChangeCommand;
import dev.tenancy.api.user.event.PasswordChangedEvent;
import dev.tenancy.api.user.event.TwoFactorDisabledEvent;
import dev.tenancy.api.user.event.TwoFactorEnabledEvent;
import dev.tenancy.api.user.event.UserRemovedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.tenancy.command.tenant.TenantFixtures.NOW;
import static dev.tenancy.command.tenant.TenantFixtures.TENANT;
import static dev.tenancy.command.tenant.TenantFixtures.created;
import static dev.tenancy.command.tenant.TenantFixtures.refusedWith;
import static org.mockito.Mockito.mock;

class TenantCredentialsTest {

    private AggregateTestFixture<TenantAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture(mock(DomainRegistry.class), new FakeDomainVerifier());
    }

    @Test
    void aPasswordChangeIsRecordedWithoutAnySecret() {
        fixture.given(created(Plan.FREE))
                .when(new RecordPasswordChangeCommand(TENANT, "u-1"))
                .expectEvents(new PasswordChangedEvent(TENANT, "u-1"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void switchingTheSecondFactorOnRecordsItOnce() {
        fixture.given(created(Plan.FREE), new TwoFactorEnabledEvent(TENANT, "u-1"))
                .when(new EnableTwoFactorCommand(TENANT, "u-1"))
                .expectNoEvents();
        fixture.given(created(Plan.FREE), new TwoFactorEnabledEvent(TENANT, "u-1"))
                .when(new EnableTwoFactorCommand(TENANT, "u-2"))
                .expectEvents(new TwoFactorEnabledEvent(TENANT, "u-2"));
    }

    @Test
    void switchingItOffRecordsOnlyWhatWasOn() {
        fixture.given(created(Plan.FREE), new TwoFactorEnabledEvent(TENANT, "u-1"))
                .when(new DisableTwoFactorCommand(TENANT, "u-1"))
                .expectEvents(new TwoFactorDisabledEvent(TENANT, "u-1"));
        fixture.given(created(Plan.FREE), new TwoFactorEnabledEvent(TENANT, "u-1"),
                        new TwoFactorDisabledEvent(TENANT, "u-1"))
                .when(new DisableTwoFactorCommand(TENANT, "u-1"))
                .expectNoEvents();
        fixture.given(created(Plan.FREE), new TwoFactorEnabledEvent(TENANT, "u-1"),
                        new UserRemovedEvent(TENANT, "u-1", "u1@acme.test"))
                .when(new DisableTwoFactorCommand(TENANT, "u-1"))
                .expectNoEvents();
    }

    @Test
    void aDeletedTenantRecordsNothing() {
        fixture.given(created(Plan.FREE), new TenantDeletedEvent(TENANT, "closed", NOW, NOW))
                .when(new RecordPasswordChangeCommand(TENANT, "u-1"))
                .expectException(TenantRuleViolation.class)
                .expectNoEvents();
        fixture.given(created(Plan.FREE), new TenantDeletedEvent(TENANT, "closed", NOW, NOW))
                .when(new EnableTwoFactorCommand(TENANT, "u-1"))
                .expectException(refusedWith("tenant-not-found"));
    }
}
