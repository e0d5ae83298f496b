package dev.tenancy.query.user;

import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.user.event.InvitationAcceptedEvent;
import dev.tenancy.api.user.event.InvitationExpiredEvent;
import dev.tenancy.api.user.event.TwoFactorDisabledEvent;
import dev.tenancy.api.user.event.TwoFactorEnabledEvent;
import dev.tenancy.api.user.event.UserInvitedEvent;
import dev.tenancy.api.user.event.UserRemovedEvent;
import dev.tenancy.api.user.event.UserRoleChangedEvent;
import dev.tenancy.api.user.query.FindTenantUsersQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Updates.set;
import static dev.tenancy.query.user.UserStore.*;

/**
 * Projects the tenant aggregate's member events into the users read model. Self-contained, so a replay rebuilds it
 * from the event store alone; join and invitation times are the events' own timestamps, so a replay gives the same
 * documents. Every write is guarded by the aggregate sequence number of the document it changes.
 */
@Component
@ProcessingGroup(UserProjection.GROUP)
public class UserProjection {

    public static final String GROUP = "users";
    static final String AGGREGATE_TYPE = "TenantAggregate";

    private final UserStore store;
    private final UserViews views;
    private final QueryUpdateEmitter updates;

    public UserProjection(UserStore store, UserViews views, QueryUpdateEmitter updates) {
        this.store = store;
        this.views = views;
        this.updates = updates;
    }

    @EventHandler
    void on(TenantCreatedEvent event, @SequenceNumber long sequence) {
        store.tenants.replace(event.tenantId(), sequence, new Document(TENANT_ID, event.tenantId()));
        publish(event.tenantId());
    }

    @EventHandler
    void on(UserAddedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        store.users.replace(userId(event.tenantId(), event.userId()), sequence, new Document(TENANT_ID,
                event.tenantId())
                .append(USER_ID, event.userId())
                .append(EMAIL, event.email())
                .append(ROLE, event.role().name())
                .append(JOINED_AT, Date.from(timestamp))
                .append(REMOVED, false));
        advance(event, sequence);
    }

    @EventHandler
    void on(UserRoleChangedEvent event, @SequenceNumber long sequence) {
        store.users.update(userId(event.tenantId(), event.userId()), sequence,
                List.of(set(ROLE, event.newRole().name())));
        advance(event, sequence);
    }

    @EventHandler
    void on(UserRemovedEvent event, @SequenceNumber long sequence) {
        store.users.update(userId(event.tenantId(), event.userId()), sequence, List.of(set(REMOVED, true)));
        advance(event, sequence);
    }

    @EventHandler
    void on(TwoFactorEnabledEvent event, @SequenceNumber long sequence) {
        store.users.update(userId(event.tenantId(), event.userId()), sequence, List.of(set(SECOND_FACTOR, true)));
        advance(event, sequence);
    }

    @EventHandler
    void on(TwoFactorDisabledEvent event, @SequenceNumber long sequence) {
        store.users.update(userId(event.tenantId(), event.userId()), sequence, List.of(set(SECOND_FACTOR, false)));
        advance(event, sequence);
    }

    @EventHandler
    void on(UserInvitedEvent event, @SequenceNumber long sequence, @Timestamp Instant timestamp) {
        store.invitations.replace(invitationId(event.tenantId(), event.invitationId()), sequence,
                new Document(TENANT_ID, event.tenantId())
                        .append(INVITATION_ID, event.invitationId())
                        .append(EMAIL, event.email())
                        .append(ROLE, event.role().name())
                        .append(INVITED_AT, Date.from(timestamp))
                        .append(EXPIRES_AT, Date.from(event.expiresAt()))
                        .append(STATE, PENDING));
        advance(event, sequence);
    }

    @EventHandler
    void on(InvitationAcceptedEvent event, @SequenceNumber long sequence) {
        store.invitations.update(invitationId(event.tenantId(), event.invitationId()), sequence,
                List.of(set(STATE, ACCEPTED)));
        advance(event, sequence);
    }

    @EventHandler
    void on(InvitationExpiredEvent event, @SequenceNumber long sequence) {
        store.invitations.update(invitationId(event.tenantId(), event.invitationId()), sequence,
                List.of(set(STATE, EXPIRED)));
        advance(event, sequence);
    }

    /**
     * Every other event of the tenant aggregate still moves the version on, so a reader waiting for the version a
     * command answered is not left waiting for an event this model ignores.
     */
    @EventHandler
    void on(TenantMessage event, DomainEventMessage<?> message) {
        if (AGGREGATE_TYPE.equals(message.getType())) {
            advance(event, message.getSequenceNumber());
        }
    }

    @ResetHandler
    void reset() {
        store.deleteAllTenants();
    }

    /** Last, so a reader that sees the tenant at this version also sees the users it changed. */
    private void advance(TenantMessage event, long sequence) {
        store.tenants.update(event.tenantId(), sequence, List.of());
        publish(event.tenantId());
    }

    private void publish(String tenantId) {
        boolean awaited = updates.activeSubscriptions().stream().anyMatch(subscription ->
                subscription.getPayload() instanceof FindTenantUsersQuery query && query.tenantId().equals(tenantId));
        if (awaited) {
            views.view(tenantId).ifPresent(view ->
                    updates.emit(FindTenantUsersQuery.class, query -> query.tenantId().equals(tenantId), view));
        }
    }
}
