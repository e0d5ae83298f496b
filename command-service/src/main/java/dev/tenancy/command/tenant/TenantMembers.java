package dev.tenancy.command.tenant;

import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The tenant's members and pending invitations, changed under {@link MemberPolicy}. Seats in use are the members plus
 * the pending invitations, checked against the users limit in the same decision that takes one, so concurrent
 * invitations can never pass the limit. Invitations past their expiry are expired lazily, by the next invitation
 * command, so no scheduler has to visit every tenant; until then they still hold their seat. A command that is
 * refused applies nothing, not even those expiries.
 */
class TenantMembers {

    private String tenantId;
    private Map<String, Member> members = new HashMap<>();
    private Map<String, Invitation> invitations = new HashMap<>();
    @AggregateMember
    private SeatMeter seats = new SeatMeter();

    /** The owner's seat at signup, applied from the tenant's constructor. */
    static void seatOwner(String tenantId, String userId, String email, Limits limits, Instant createdAt) {
        apply(new UserAddedEvent(tenantId, userId, email, Role.OWNER));
        SeatMeter.firstSeat(tenantId, limits.users(), SeatMeter.KEY_PREFIX + userId, createdAt);
    }

    @CommandHandler
    void handle(InviteUserCommand command, Clock clock,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(MetadataKeys.ACTING_SUPERADMIN) String actingSuperadmin) {
        Role role = MemberPolicy.assignable(command.role());
        MemberPolicy.requireMayManage(MemberPolicy.actingRole(actorRole, actingSuperadmin), role);
        String email = MemberPolicy.email(command.email());
        Instant now = clock.instant();
        if (command.expiresAt() == null || !command.expiresAt().isAfter(now)) {
            throw TenantRuleViolation.invalid(Map.of("expiresAt", "expiresAt must be in the future"));
        }
        if (command.invitationId() == null || invitations.containsKey(command.invitationId())) {
            throw TenantRuleViolation.invalid(Map.of("invitationId", "invitationId must be new"));
        }
        List<String> overdue = overdue(now);
        if (members.values().stream().anyMatch(member -> email.equals(member.email()))) {
            throw TenantRuleViolation.alreadyMember(email);
        }
        if (invitations.entrySet().stream().anyMatch(pending -> email.equals(pending.getValue().email())
                && !overdue.contains(pending.getKey()))) {
            throw TenantRuleViolation.alreadyInvited(email);
        }
        long inUse = seatsInUse() - overdue.size();
        if (!seats.fits(inUse, 1)) {
            throw TenantRuleViolation.limitExceeded(Resource.USERS, seats.quota(), inUse, 1);
        }
        expire(overdue, now);
        apply(new UserInvitedEvent(tenantId, command.invitationId(), email, role, command.expiresAt()));
        seats.count(1, seatsInUse(), SeatMeter.KEY_PREFIX + command.invitationId(), now);
    }

    /** The invitation's seat passes to the new member: no seat is counted. */
    @CommandHandler
    InvitationAcceptance handle(AcceptInvitationCommand command, Clock clock) {
        Invitation invitation = invitations.get(command.invitationId());
        if (invitation == null) {
            throw TenantRuleViolation.invitationNotFound();
        }
        if (command.userId() == null || members.containsKey(command.userId())) {
            throw TenantRuleViolation.invalid(Map.of("userId", "userId must be new"));
        }
        Instant now = clock.instant();
        expire(overdue(now), now);
        if (!invitations.containsKey(command.invitationId())) {
            return new InvitationAcceptance(false, invitation.email(), invitation.role(),
                    AggregateLifecycle.getVersion());
        }
        apply(new InvitationAcceptedEvent(tenantId, command.invitationId(), command.userId()));
        apply(new UserAddedEvent(tenantId, command.userId(), invitation.email(), invitation.role()));
        return new InvitationAcceptance(true, invitation.email(), invitation.role(), AggregateLifecycle.getVersion());
    }

    /** Changing a role to the one the user has changes nothing: {@code changed} is empty then. */
    @CommandHandler
    ChangeReceipt handle(ChangeUserRoleCommand command,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(MetadataKeys.ACTING_SUPERADMIN) String actingSuperadmin) {
        Role role = MemberPolicy.assignable(command.role());
        Member member = member(command.userId());
        Optional<Role> actor = MemberPolicy.actingRole(actorRole, actingSuperadmin);
        MemberPolicy.requireMayManage(actor, member.role());
        MemberPolicy.requireMayManage(actor, role);
        if (member.role() == role) {
            return new ChangeReceipt(List.of(), AggregateLifecycle.getVersion());
        }
        MemberPolicy.requireAnotherOwner(member, owners());
        apply(new UserRoleChangedEvent(tenantId, command.userId(), member.role(), role));
        return new ChangeReceipt(List.of("role"), AggregateLifecycle.getVersion());
    }

    @CommandHandler
    void handle(RemoveUserCommand command, Clock clock,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(MetadataKeys.ACTING_SUPERADMIN) String actingSuperadmin) {
        Member member = member(command.userId());
        MemberPolicy.requireMayManage(MemberPolicy.actingRole(actorRole, actingSuperadmin), member.role());
        MemberPolicy.requireAnotherOwner(member, owners());
        apply(new UserRemovedEvent(tenantId, command.userId(), member.email()));
        seats.count(-1, seatsInUse(), SeatMeter.KEY_PREFIX + command.userId() + ":removed", clock.instant());
    }

    /** Invitations past their expiry, oldest first, so their expiry events come in a stable order. */
    private List<String> overdue(Instant now) {
        return invitations.entrySet().stream().filter(pending -> pending.getValue().overdue(now))
                .sorted(Comparator.comparing((Map.Entry<String, Invitation> pending) -> pending.getValue().expiresAt())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
    }

    private void expire(List<String> overdue, Instant now) {
        for (String invitationId : overdue) {
            apply(new InvitationExpiredEvent(tenantId, invitationId, invitations.get(invitationId).email()));
            seats.count(-1, seatsInUse(), SeatMeter.KEY_PREFIX + invitationId + ":expired", now);
        }
    }

    private Member member(String userId) {
        Member member = userId == null ? null : members.get(userId);
        if (member == null) {
            throw TenantRuleViolation.userNotFound(String.valueOf(userId));
        }
        return member;
    }

    private long seatsInUse() {
        return members.size() + invitations.size();
    }

    private long owners() {
        return members.values().stream().filter(member -> member.role() == Role.OWNER).count();
    }

    @EventSourcingHandler
    void on(TenantCreatedEvent event) {
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(UserAddedEvent event) {
        members.put(event.userId(), new Member(event.email(), event.role()));
    }

    @EventSourcingHandler
    void on(UserInvitedEvent event) {
        invitations.put(event.invitationId(), new Invitation(event.email(), event.role(), event.expiresAt()));
    }

    @EventSourcingHandler
    void on(InvitationAcceptedEvent event) {
        invitations.remove(event.invitationId());
    }

    @EventSourcingHandler
    void on(InvitationExpiredEvent event) {
        invitations.remove(event.invitationId());
    }

    @EventSourcingHandler
    void on(UserRoleChangedEvent event) {
        members.computeIfPresent(event.userId(), (id, member) -> new Member(member.email(), event.newRole()));
    }

    @EventSourcingHandler
    void on(UserRemovedEvent event) {
        members.remove(event.userId());
    }
}
