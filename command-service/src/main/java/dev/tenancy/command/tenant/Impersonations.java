package dev.tenancy.command.tenant;

import dev.tenancy.api.impersonation.ImpersonationStartedEvent;
import dev.tenancy.api.impersonation.StartImpersonationCommand;
import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.user.Role;
import dev.tenancy.api.user.event.UserRemovedEvent;
import dev.tenancy.api.user.event.UserRoleChangedEvent;
import dev.tenancy.platform.tenant.TenantSecuritySettings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Whether a superadmin may act as the tenant's owner, and as which owner: part of the tenant aggregate, so the
 * decision sees the compliance switch and the owners exactly as the tenant's events left them. Owners are kept in
 * the order they became owners and the earliest is impersonated, so the choice is the same on every replay. Not a
 * tenant admin command: support must be able to look into a suspended tenant too.
 */
class Impersonations {

    private String tenantId;
    private List<String> owners = new ArrayList<>();
    private boolean allowed = TenantSecuritySettings.defaults().impersonationAllowed();

    @CommandHandler
    ImpersonationGrant handle(StartImpersonationCommand command, Clock clock,
                              @MetaDataValue(MetadataKeys.ACTOR_ROLE) String actorRole,
                              @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        if (!Role.SUPERADMIN.name().equals(actorRole) || actorId == null || !actorId.equals(command.superadminId())) {
            throw TenantRuleViolation.superadminOnly("impersonate a tenant's owner, and only as themselves");
        }
        String reason = command.reason() == null ? "" : command.reason().trim();
        if (reason.length() < StartImpersonationCommand.MIN_REASON
                || reason.length() > StartImpersonationCommand.MAX_REASON) {
            throw TenantRuleViolation.invalid(Map.of("reason", "reason must be " + StartImpersonationCommand.MIN_REASON
                    + " to " + StartImpersonationCommand.MAX_REASON + " characters"));
        }
        Duration ttl = command.ttl();
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw TenantRuleViolation.invalid(Map.of("ttl", "ttl must be positive"));
        }
        if (!allowed) {
            throw new TenantRuleViolation(TenantRuleViolation.Kind.FORBIDDEN, "impersonation-not-allowed",
                    "The tenant's compliance settings do not allow impersonation (compliance.allowImpersonation).",
                    Map.of());
        }
        if (owners.isEmpty()) {
            throw new TenantRuleViolation(TenantRuleViolation.Kind.CONFLICT, "no-owner",
                    "The tenant has no owner to act as.", Map.of());
        }
        Instant now = clock.instant();
        String owner = owners.get(0);
        apply(new ImpersonationStartedEvent(tenantId, command.superadminId(), owner, reason, now, now.plus(ttl)));
        return new ImpersonationGrant(tenantId, owner, command.superadminId(), now, now.plus(ttl),
                AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(TenantCreatedEvent event) {
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(UserAddedEvent event) {
        if (event.role() == Role.OWNER && !owners.contains(event.userId())) {
            owners.add(event.userId());
        }
    }

    @EventSourcingHandler
    void on(UserRoleChangedEvent event) {
        if (event.newRole() != Role.OWNER) {
            owners.remove(event.userId());
        } else if (!owners.contains(event.userId())) {
            owners.add(event.userId());
        }
    }

    @EventSourcingHandler
    void on(UserRemovedEvent event) {
        owners.remove(event.userId());
    }

    @EventSourcingHandler
    void on(SettingsChangedEvent event) {
        event.changes().stream()
                .filter(change -> change.field().equals(TenantSecuritySettings.ALLOW_IMPERSONATION))
                .forEach(change -> allowed = change.newValue() == null
                        ? TenantSecuritySettings.defaults().impersonationAllowed()
                        : Boolean.TRUE.equals(change.newValue()));
    }
}
