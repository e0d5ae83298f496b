package dev.tenancy.command.tenant;

import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.event.LimitsOverriddenEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.usage.UsageRecordedEvent;
import dev.tenancy.api.usage.UsageThresholdCrossedEvent;
import dev.tenancy.api.user.Role;
import dev.tenancy.api.user.command.AcceptInvitationCommand;
import dev.tenancy.api.user.command.ChangeUserRoleCommand;
import dev.tenancy.api.user.command.InviteUserCommand;
import dev.tenancy.api.user.command.RemoveUserCommand;
import dev.tenancy.api.user.event.InvitationAcceptedEvent;
import dev.tenancy.api.user.event.InvitationExpiredEvent;
import dev.tenancy.api.user.event.UserInvitedEvent;
import dev.tenancy.api.user.event.UserRemovedEvent;
import dev.tenancy.api.user.event.UserRoleChangedEvent;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tenancy.command.tenant.TenantFixtures.NOW;
import static dev.tenancy.command.tenant.TenantFixtures.TENANT;
import static dev.tenancy.command.tenant.TenantFixtures.as;
import static dev.tenancy.command.tenant.TenantFixtures.created;
import static dev.tenancy.command.tenant.TenantFixtures.refusedWith;
import static org.mockito.Mockito.mock;

/** The member rules of the tenant aggregate: who may invite and manage whom, seats, expiry and the last owner. */
class TenantMembersTest {

    private static final Instant PERIOD_START = Instant.parse("2026-11-27T00:00:00Z");
    private static final Instant IN_A_WEEK = NOW.plus(Duration.ofDays(7));
    private static final Instant A_SECOND_AGO = NOW.minusSeconds(1);
    private static final String OWNER = "u-owner";
    private AggregateTestFixture<TenantAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture(mock(DomainRegistry.class), new FakeDomainVerifier());
    }

    /** A FREE tenant (5 seats) with its owner and the given members or invitations. */
    private static Object[] tenant(Object... more) {
        List<Object> events = new ArrayList<>(List.of(created(Plan.FREE), member(OWNER, Role.OWNER),
                seat(1, 1, "seat:" + OWNER)));
        events.addAll(List.of(more));
        return events.toArray();
    }

    private static UserAddedEvent member(String userId, Role role) {
        return new UserAddedEvent(TENANT, userId, userId + "@acme.test", role);
    }

    private static UserInvitedEvent invited(String invitationId, Instant expiresAt) {
        return new UserInvitedEvent(TENANT, invitationId, invitationId + "@acme.test", Role.MEMBER, expiresAt);
    }

    private static UsageRecordedEvent seat(long delta, long used, String key) {
        return new UsageRecordedEvent(TENANT, Resource.USERS, delta, used, key, NOW, PERIOD_START, delta);
    }

    private static InviteUserCommand invite(String invitationId, String email, Role role) {
        return new InviteUserCommand(TENANT, invitationId, email, role, IN_A_WEEK);
    }

    private static MetaData impersonating(String role) {
        return MetaData.with(MetadataKeys.ACTOR_ROLE, role).and(MetadataKeys.ACTING_SUPERADMIN, "root");
    }

    @Test
    void anOwnerInvitesAndTheInvitationTakesASeat() {
        fixture.given(tenant())
                .when(invite("i-1", " New@Acme.TEST ", Role.MEMBER), as("OWNER"))
                .expectEvents(new UserInvitedEvent(TENANT, "i-1", "new@acme.test", Role.MEMBER, IN_A_WEEK),
                        seat(1, 2, "seat:i-1"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void onlyOwnersAndSuperadminsMayInviteOwners() {
        fixture.given(tenant()).when(invite("i-1", "a@acme.test", Role.OWNER), as("ADMIN"))
                .expectException(refusedWith("forbidden")).expectNoEvents();
        fixture.given(tenant()).when(invite("i-1", "a@acme.test", Role.OWNER), as("OWNER"))
                .expectSuccessfulHandlerExecution();
        fixture.given(tenant()).when(invite("i-1", "a@acme.test", Role.OWNER), as("SUPERADMIN"))
                .expectSuccessfulHandlerExecution();
        fixture.given(tenant()).when(invite("i-1", "a@acme.test", Role.OWNER), impersonating("MEMBER"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void adminsInviteAdminsAndMembersAndMembersInviteNobody() {
        fixture.given(tenant()).when(invite("i-1", "a@acme.test", Role.ADMIN), as("ADMIN"))
                .expectSuccessfulHandlerExecution();
        fixture.given(tenant()).when(invite("i-1", "a@acme.test", Role.MEMBER), as("ADMIN"))
                .expectSuccessfulHandlerExecution();
        fixture.given(tenant()).when(invite("i-1", "a@acme.test", Role.MEMBER), as("MEMBER"))
                .expectException(refusedWith("forbidden")).expectNoEvents();
        fixture.given(tenant()).when(invite("i-1", "a@acme.test", Role.MEMBER))
                .expectException(refusedWith("forbidden")).expectNoEvents();
    }

    @Test
    void aSuperadminRoleCannotBeGivenInATenant() {
        fixture.given(tenant()).when(invite("i-1", "a@acme.test", Role.SUPERADMIN), as("OWNER"))
                .expectException(refusedWith("validation-failed")).expectNoEvents();
        fixture.given(tenant()).when(invite("i-1", " ", Role.MEMBER), as("OWNER"))
                .expectException(refusedWith("validation-failed")).expectNoEvents();
    }

    @Test
    void aMemberOrAPendingInvitationIsNotInvitedTwice() {
        fixture.given(tenant(member("u-2", Role.MEMBER)))
                .when(invite("i-1", "U-2@acme.test", Role.ADMIN), as("OWNER"))
                .expectException(refusedWith("already-member")).expectNoEvents();
        fixture.given(tenant(invited("i-1", IN_A_WEEK)))
                .when(invite("i-2", "i-1@acme.test", Role.MEMBER), as("OWNER"))
                .expectException(refusedWith("already-invited")).expectNoEvents();
    }

    @Test
    void anOverdueInvitationIsExpiredFirstAndItsEmailMayBeInvitedAgain() {
        fixture.given(tenant(invited("i-1", A_SECOND_AGO), seat(1, 2, "seat:i-1")))
                .when(invite("i-2", "i-1@acme.test", Role.MEMBER), as("OWNER"))
                .expectEvents(new InvitationExpiredEvent(TENANT, "i-1", "i-1@acme.test"),
                        seat(-1, 1, "seat:i-1:expired"),
                        new UserInvitedEvent(TENANT, "i-2", "i-1@acme.test", Role.MEMBER, IN_A_WEEK),
                        seat(1, 2, "seat:i-2"));
    }

    @Test
    void aFullTenantRefusesTheInvitationWithTheUsageProblemAndChangesNothing() {
        fixture.given(tenant(member("u-2", Role.MEMBER), member("u-3", Role.MEMBER), invited("i-1", IN_A_WEEK),
                        invited("i-2", IN_A_WEEK)))
                .when(invite("i-3", "late@acme.test", Role.MEMBER), as("OWNER"))
                .expectException(Matchers.matches(e -> e instanceof TenantRuleViolation violation
                        && violation.code().equals("limit-exceeded")
                        && violation.kind() == TenantRuleViolation.Kind.CONFLICT
                        && violation.details().equals(Map.of("resource", "users", "limit", Quota.of(5),
                        "current", 5L, "requested", 1L, "replayed", false))))
                .expectNoEvents();
    }

    @Test
    void refusedInvitationsLeaveOverdueInvitationsForLater() {
        fixture.given(tenant(invited("i-1", A_SECOND_AGO)))
                .when(invite("i-2", "x@acme.test", Role.OWNER), as("ADMIN"))
                .expectException(refusedWith("forbidden")).expectNoEvents();
    }

    @Test
    void aSeatFreedByAnOverdueInvitationCanBeTaken() {
        fixture.given(tenant(member("u-2", Role.MEMBER), member("u-3", Role.MEMBER), invited("i-1", IN_A_WEEK),
                        invited("i-2", A_SECOND_AGO),
                        new UsageThresholdCrossedEvent(TENANT, Resource.USERS, 80, 4, 5, PERIOD_START),
                        new UsageThresholdCrossedEvent(TENANT, Resource.USERS, 100, 5, 5, PERIOD_START)))
                .when(invite("i-3", "late@acme.test", Role.MEMBER), as("OWNER"))
                .expectEvents(new InvitationExpiredEvent(TENANT, "i-2", "i-2@acme.test"),
                        seat(-1, 4, "seat:i-2:expired"),
                        new UserInvitedEvent(TENANT, "i-3", "late@acme.test", Role.MEMBER, IN_A_WEEK),
                        seat(1, 5, "seat:i-3"));
    }

    @Test
    void seatsAnnounceTheirThresholdsOnceUntilTheLimitChanges() {
        fixture.given(tenant(member("u-2", Role.MEMBER), member("u-3", Role.MEMBER)))
                .when(invite("i-1", "four@acme.test", Role.MEMBER), as("OWNER"))
                .expectEvents(new UserInvitedEvent(TENANT, "i-1", "four@acme.test", Role.MEMBER, IN_A_WEEK),
                        seat(1, 4, "seat:i-1"),
                        new UsageThresholdCrossedEvent(TENANT, Resource.USERS, 80, 4, 5, PERIOD_START));
        fixture.given(tenant(member("u-2", Role.MEMBER), member("u-3", Role.MEMBER), member("u-4", Role.MEMBER),
                        new UsageThresholdCrossedEvent(TENANT, Resource.USERS, 80, 4, 5, PERIOD_START)))
                .when(invite("i-1", "five@acme.test", Role.MEMBER), as("OWNER"))
                .expectEvents(new UserInvitedEvent(TENANT, "i-1", "five@acme.test", Role.MEMBER, IN_A_WEEK),
                        seat(1, 5, "seat:i-1"),
                        new UsageThresholdCrossedEvent(TENANT, Resource.USERS, 100, 5, 5, PERIOD_START));
        var free = PlanCatalog.terms(Plan.FREE).limits();
        fixture.given(tenant(member("u-2", Role.MEMBER), member("u-3", Role.MEMBER),
                        new UsageThresholdCrossedEvent(TENANT, Resource.USERS, 80, 4, 5, PERIOD_START),
                        new LimitsOverriddenEvent(TENANT, LimitOverrides.none(), LimitOverrides.none(), free)))
                .when(invite("i-1", "four@acme.test", Role.MEMBER), as("OWNER"))
                .expectEvents(new UserInvitedEvent(TENANT, "i-1", "four@acme.test", Role.MEMBER, IN_A_WEEK),
                        seat(1, 4, "seat:i-1"),
                        new UsageThresholdCrossedEvent(TENANT, Resource.USERS, 80, 4, 5, PERIOD_START));
    }

    @Test
    void acceptingMovesTheSeatFromTheInvitationToTheNewMember() {
        fixture.given(tenant(invited("i-1", IN_A_WEEK), seat(1, 2, "seat:i-1")))
                .when(new AcceptInvitationCommand(TENANT, "i-1", "u-new"))
                .expectEvents(new InvitationAcceptedEvent(TENANT, "i-1", "u-new"),
                        new UserAddedEvent(TENANT, "u-new", "i-1@acme.test", Role.MEMBER))
                .expectResultMessagePayload(new InvitationAcceptance(true, "i-1@acme.test", Role.MEMBER, 6L));
    }

    @Test
    void anInvitationAdmitsOnlyOnce() {
        fixture.given(tenant(invited("i-1", IN_A_WEEK), new InvitationAcceptedEvent(TENANT, "i-1", "u-new"),
                        new UserAddedEvent(TENANT, "u-new", "i-1@acme.test", Role.MEMBER)))
                .when(new AcceptInvitationCommand(TENANT, "i-1", "u-other"))
                .expectException(refusedWith("invitation-not-found")).expectNoEvents();
        fixture.given(tenant())
                .when(new AcceptInvitationCommand(TENANT, "unknown", "u-new"))
                .expectException(refusedWith("invitation-not-found")).expectNoEvents();
    }

    @Test
    void acceptingAnOverdueInvitationStoresItsExpiryAndAnswersThatItExpired() {
        fixture.given(tenant(invited("i-1", A_SECOND_AGO), invited("i-2", NOW)))
                .when(new AcceptInvitationCommand(TENANT, "i-2", "u-new"))
                .expectEvents(new InvitationExpiredEvent(TENANT, "i-1", "i-1@acme.test"),
                        seat(-1, 2, "seat:i-1:expired"),
                        new InvitationExpiredEvent(TENANT, "i-2", "i-2@acme.test"),
                        seat(-1, 1, "seat:i-2:expired"))
                .expectResultMessagePayload(new InvitationAcceptance(false, "i-2@acme.test", Role.MEMBER, 8L));
    }

    @Test
    void acceptingExpiresOtherOverdueInvitationsOnTheWay() {
        fixture.given(tenant(invited("i-1", A_SECOND_AGO), invited("i-2", IN_A_WEEK)))
                .when(new AcceptInvitationCommand(TENANT, "i-2", "u-new"))
                .expectEvents(new InvitationExpiredEvent(TENANT, "i-1", "i-1@acme.test"),
                        seat(-1, 2, "seat:i-1:expired"),
                        new InvitationAcceptedEvent(TENANT, "i-2", "u-new"),
                        new UserAddedEvent(TENANT, "u-new", "i-2@acme.test", Role.MEMBER));
    }

    @Test
    void ownersChangeAnyRoleAndTheSameRoleChangesNothing() {
        fixture.given(tenant(member("u-2", Role.MEMBER)))
                .when(new ChangeUserRoleCommand(TENANT, "u-2", Role.OWNER), as("OWNER"))
                .expectEvents(new UserRoleChangedEvent(TENANT, "u-2", Role.MEMBER, Role.OWNER))
                .expectResultMessagePayload(new ChangeReceipt(List.of("role"), 4L));
        fixture.given(tenant(member("u-2", Role.MEMBER)))
                .when(new ChangeUserRoleCommand(TENANT, "u-2", Role.MEMBER), as("OWNER"))
                .expectNoEvents()
                .expectResultMessagePayload(new ChangeReceipt(List.of(), 3L));
    }

    @Test
    void adminsNeitherPromoteToOwnerNorTouchOwners() {
        fixture.given(tenant(member("u-2", Role.MEMBER)))
                .when(new ChangeUserRoleCommand(TENANT, "u-2", Role.OWNER), as("ADMIN"))
                .expectException(refusedWith("forbidden")).expectNoEvents();
        fixture.given(tenant(member("u-2", Role.OWNER)))
                .when(new ChangeUserRoleCommand(TENANT, "u-2", Role.MEMBER), as("ADMIN"))
                .expectException(refusedWith("forbidden")).expectNoEvents();
        fixture.given(tenant(member("u-2", Role.MEMBER)))
                .when(new ChangeUserRoleCommand(TENANT, "u-2", Role.ADMIN), as("ADMIN"))
                .expectEvents(new UserRoleChangedEvent(TENANT, "u-2", Role.MEMBER, Role.ADMIN));
    }

    @Test
    void theLastOwnerIsNeitherDemotedNorRemoved() {
        fixture.given(tenant())
                .when(new ChangeUserRoleCommand(TENANT, OWNER, Role.ADMIN), as("OWNER"))
                .expectException(refusedWith("last-owner")).expectNoEvents();
        fixture.given(tenant())
                .when(new RemoveUserCommand(TENANT, OWNER), as("SUPERADMIN"))
                .expectException(refusedWith("last-owner")).expectNoEvents();
        fixture.given(tenant(member("u-2", Role.OWNER), new UserRoleChangedEvent(TENANT, "u-2", Role.OWNER,
                        Role.ADMIN)))
                .when(new RemoveUserCommand(TENANT, OWNER), as("OWNER"))
                .expectException(refusedWith("last-owner")).expectNoEvents();
        fixture.given(tenant(member("u-2", Role.OWNER)))
                .when(new ChangeUserRoleCommand(TENANT, OWNER, Role.ADMIN), as("OWNER"))
                .expectEvents(new UserRoleChangedEvent(TENANT, OWNER, Role.OWNER, Role.ADMIN));
    }

    @Test
    void removingAUserFreesTheirSeat() {
        fixture.given(tenant(member("u-2", Role.ADMIN), seat(1, 2, "seat:u-2")))
                .when(new RemoveUserCommand(TENANT, "u-2"), as("ADMIN"))
                .expectEvents(new UserRemovedEvent(TENANT, "u-2", "u-2@acme.test"),
                        seat(-1, 1, "seat:u-2:removed"));
        fixture.given(tenant(member("u-2", Role.OWNER)))
                .when(new RemoveUserCommand(TENANT, "u-2"), as("ADMIN"))
                .expectException(refusedWith("forbidden")).expectNoEvents();
        fixture.given(tenant(member("u-2", Role.MEMBER), new UserRemovedEvent(TENANT, "u-2", "u-2@acme.test")))
                .when(new RemoveUserCommand(TENANT, "u-2"), as("OWNER"))
                .expectException(refusedWith("user-not-found")).expectNoEvents();
        fixture.given(tenant())
                .when(new ChangeUserRoleCommand(TENANT, "nobody", Role.ADMIN), as("OWNER"))
                .expectException(refusedWith("user-not-found")).expectNoEvents();
    }

    @Test
    void aSuspendedTenantChangesNoMembers() {
        fixture.given(tenant(invited("i-1", IN_A_WEEK), new TenantSuspendedEvent(TENANT, "unpaid")))
                .when(invite("i-2", "a@acme.test", Role.MEMBER), as("SUPERADMIN"))
                .expectException(refusedWith("tenant-suspended")).expectNoEvents();
        fixture.given(tenant(invited("i-1", IN_A_WEEK), new TenantSuspendedEvent(TENANT, "unpaid")))
                .when(new AcceptInvitationCommand(TENANT, "i-1", "u-new"))
                .expectException(refusedWith("tenant-suspended")).expectNoEvents();
    }
}
