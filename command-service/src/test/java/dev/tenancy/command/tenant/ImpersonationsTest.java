package dev.tenancy.command.tenant;

import dev.tenancy.api.impersonation.ImpersonationStartedEvent;
import dev.tenancy.api.impersonation.StartImpersonationCommand;
import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.user.Role;
import dev.tenancy.api.user.event.UserRemovedEvent;
import dev.tenancy.api.user.event.UserRoleChangedEvent;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.tenancy.command.tenant.TenantFixtures.NOW;
import static dev.tenancy.command.tenant.TenantFixtures.TENANT;
import static dev.tenancy.command.tenant.TenantFixtures.created;
import static dev.tenancy.command.tenant.TenantFixtures.refusedWith;
import static org.mockito.Mockito.mock;

class ImpersonationsTest {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final String REASON = "ticket 4711: invoices look wrong";
    private static final UserAddedEvent OWNER = new UserAddedEvent(TENANT, "owner-1", "o@acme.test", Role.OWNER);
    private AggregateTestFixture<TenantAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture(mock(DomainRegistry.class), new FakeDomainVerifier());
    }

    private static StartImpersonationCommand start(String reason) {
        return new StartImpersonationCommand(TENANT, "root", reason, TTL);
    }

    private static MetaData superadmin() {
        return MetaData.with(MetadataKeys.ACTOR_ROLE, Role.SUPERADMIN.name()).and(MetadataKeys.ACTOR_ID, "root");
    }

    private static ImpersonationStartedEvent started(String owner) {
        return new ImpersonationStartedEvent(TENANT, "root", owner, REASON, NOW, NOW.plus(TTL));
    }

    @Test
    void aSuperadminActsAsTheOwnerForTheTtlAndTheReasonIsRecorded() {
        fixture.given(created(Plan.FREE), OWNER)
                .when(start("  " + REASON + " "), superadmin())
                .expectEvents(started("owner-1"))
                .expectResultMessagePayload(new ImpersonationGrant(TENANT, "owner-1", "root", NOW, NOW.plus(TTL), 2));
    }

    @Test
    void theTenantsComplianceSettingDecides() {
        SettingsChangedEvent forbid = new SettingsChangedEvent(TENANT, List.of(
                new FieldChange("compliance.allowImpersonation", true, false)));
        fixture.given(created(Plan.FREE), OWNER, forbid)
                .when(start(REASON), superadmin())
                .expectException(refusedWith("impersonation-not-allowed"))
                .expectNoEvents();
        fixture.given(created(Plan.FREE), OWNER, forbid, new SettingsChangedEvent(TENANT, List.of(
                        new FieldChange("compliance.allowImpersonation", false, null))))
                .when(start(REASON), superadmin())
                .expectEvents(started("owner-1"));
    }

    @Test
    void supportReachesASuspendedTenantButADeletedOneIsGone() {
        fixture.given(created(Plan.FREE), OWNER, new TenantSuspendedEvent(TENANT, "unpaid"))
                .when(start(REASON), superadmin())
                .expectEvents(started("owner-1"));
        fixture.given(created(Plan.FREE), OWNER, new TenantDeletedEvent(TENANT, "closed", NOW, NOW))
                .when(start(REASON), superadmin())
                .expectException(refusedWith("tenant-not-found"));
    }

    @Test
    void theEarliestCurrentOwnerIsImpersonatedAsRolesChange() {
        var second = new UserAddedEvent(TENANT, "owner-2", "o2@acme.test", Role.OWNER);
        var member = new UserAddedEvent(TENANT, "member-3", "m3@acme.test", Role.MEMBER);
        fixture.given(created(Plan.FREE), OWNER, second, member,
                        new UserRoleChangedEvent(TENANT, "owner-1", Role.OWNER, Role.ADMIN))
                .when(start(REASON), superadmin())
                .expectEvents(started("owner-2"));
        fixture.given(created(Plan.FREE), OWNER, second, member,
                        new UserRemovedEvent(TENANT, "owner-1", "o@acme.test"),
                        new UserRoleChangedEvent(TENANT, "member-3", Role.MEMBER, Role.OWNER),
                        new UserRoleChangedEvent(TENANT, "owner-2", Role.OWNER, Role.MEMBER))
                .when(start(REASON), superadmin())
                .expectEvents(started("member-3"));
    }

    @Test
    void aTenantWithoutAnOwnerHasNobodyToActAs() {
        fixture.given(created(Plan.FREE))
                .when(start(REASON), superadmin())
                .expectException(refusedWith("no-owner"));
        fixture.given(created(Plan.FREE), OWNER, new UserRoleChangedEvent(TENANT, "owner-1", Role.OWNER, Role.ADMIN))
                .when(start(REASON), superadmin())
                .expectException(refusedWith("no-owner"));
    }

    @Test
    void onlyASuperadminAsThemselvesWithAReason() {
        fixture.given(created(Plan.FREE), OWNER)
                .when(start(REASON), MetaData.with(MetadataKeys.ACTOR_ROLE, "OWNER").and(MetadataKeys.ACTOR_ID, "root"))
                .expectException(refusedWith("forbidden"));
        fixture.given(created(Plan.FREE), OWNER)
                .when(start(REASON), superadmin().and(MetadataKeys.ACTOR_ID, "someone-else"))
                .expectException(refusedWith("forbidden"));
        fixture.given(created(Plan.FREE), OWNER)
                .when(start(" x "), superadmin())
                .expectException(refusedWith("validation-failed"));
        fixture.given(created(Plan.FREE), OWNER)
                .when(start("y".repeat(501)), superadmin())
                .expectException(refusedWith("validation-failed"));
        fixture.given(created(Plan.FREE), OWNER)
                .when(new StartImpersonationCommand(TENANT, "root", REASON, Duration.ZERO), superadmin())
                .expectException(refusedWith("validation-failed"));
    }
}
