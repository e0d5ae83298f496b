package dev.tenancy.command.tenant;

import dev.tenancy.api.user.command.DisableTwoFactorCommand;
import dev.tenancy.api.user.command.EnableTwoFactorCommand;
import dev.tenancy.api.user.command.RecordPasswordChangeCommand;
import dev.tenancy.api.user.event.PasswordChangedEvent;
import dev.tenancy.api.user.event.TwoFactorDisabledEvent;
import dev.tenancy.api.user.event.TwoFactorEnabledEvent;
import dev.tenancy.api.user.event.UserRemovedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The tenant's record of its users' sign-in changes: password changes and second factors switched on or off. The
 * secrets themselves stay in the command side's credential state; only the facts are events. Everything it decides
 * on comes from its own events (never from a snapshot taken before it existed), and it reads the tenant id from the
 * command for the same reason.
 */
class TenantCredentials {

    private Set<String> twoFactorUsers = new HashSet<>();

    @CommandHandler
    void handle(RecordPasswordChangeCommand command) {
        apply(new PasswordChangedEvent(command.tenantId(), command.userId()));
    }

    /** Switching on what is already on records nothing. */
    @CommandHandler
    void handle(EnableTwoFactorCommand command) {
        if (!twoFactorUsers.contains(command.userId())) {
            apply(new TwoFactorEnabledEvent(command.tenantId(), command.userId()));
        }
    }

    @CommandHandler
    void handle(DisableTwoFactorCommand command) {
        if (twoFactorUsers.contains(command.userId())) {
            apply(new TwoFactorDisabledEvent(command.tenantId(), command.userId()));
        }
    }

    @EventSourcingHandler
    void on(TwoFactorEnabledEvent event) {
        twoFactorUsers.add(event.userId());
    }

    @EventSourcingHandler
    void on(TwoFactorDisabledEvent event) {
        twoFactorUsers.remove(event.userId());
    }

    @EventSourcingHandler
    void on(UserRemovedEvent event) {
        twoFactorUsers.remove(event.userId());
    }
}
