package dev.tenancy.query.user;

import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.user.Role;
import dev.tenancy.api.user.query.InvitationView;
import dev.tenancy.api.user.query.TenantUsersView;
import dev.tenancy.api.user.query.UserView;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static dev.tenancy.query.user.UserStore.*;

/**
 * A tenant's members and open invitations as they stand now. An invitation past its expiry reads "expired" before
 * its expiry event arrives: the command side records it only with the tenant's next invitation command.
 */
@Component
public class UserViews {

    private final UserStore store;
    private final Clock clock;

    public UserViews(UserStore store, ObjectProvider<Clock> clock) {
        this.store = store;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Optional<TenantUsersView> view(String tenantId) {
        TenantId id = TenantId.of(tenantId);
        return store.tenant(id).map(tenant -> {
            Instant now = clock.instant();
            return new TenantUsersView(tenantId,
                    store.members(id).stream().map(UserViews::user).toList(),
                    store.openInvitations(id).stream().map(invitation -> invitation(invitation, now)).toList(),
                    tenant.get(VERSION, Number.class).longValue());
        });
    }

    private static UserView user(Document user) {
        return new UserView(user.getString(USER_ID), user.getString(EMAIL), Role.valueOf(user.getString(ROLE)),
                user.getDate(JOINED_AT).toInstant());
    }

    private static InvitationView invitation(Document invitation, Instant now) {
        Instant expiresAt = invitation.getDate(EXPIRES_AT).toInstant();
        return new InvitationView(invitation.getString(INVITATION_ID), invitation.getString(EMAIL),
                Role.valueOf(invitation.getString(ROLE)), invitation.getDate(INVITED_AT).toInstant(), expiresAt,
                expiresAt.isAfter(now) ? PENDING : EXPIRED);
    }
}
