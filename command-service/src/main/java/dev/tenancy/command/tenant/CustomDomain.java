package dev.tenancy.command.tenant;

import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.tenant.command.RemoveDomainCommand;
import dev.tenancy.api.tenant.command.VerifyDomainCommand;
import dev.tenancy.api.tenant.event.DomainRemovedEvent;
import dev.tenancy.api.tenant.event.DomainVerifiedEvent;
import dev.tenancy.api.user.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.EntityId;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A tenant's custom domain: pending until its check passes (or a superadmin overrides it); only then it resolves.
 * Its registry claim is given back once the removal is stored (see the tenant directory projection).
 */
class CustomDomain {

    static final String OVERRIDE_METHOD = "superadmin-override";

    @EntityId
    private String domain;
    private String tenantId;
    private String verificationToken;
    private boolean verified;

    private CustomDomain() {
    }

    CustomDomain(String domain, String tenantId, String verificationToken) {
        this.domain = domain;
        this.tenantId = tenantId;
        this.verificationToken = verificationToken;
    }

    @CommandHandler
    void handle(VerifyDomainCommand command, DomainVerifier verifier,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) String actorRole) {
        if (command.override() && !Role.SUPERADMIN.name().equals(actorRole)) {
            throw TenantRuleViolation.superadminOnly("verify a domain without its check");
        }
        if (verified) {
            return;
        }
        if (!command.override() && !verifier.verify(domain, verificationToken)) {
            throw TenantRuleViolation.verificationFailed(domain, verifier.describe(domain, verificationToken));
        }
        apply(new DomainVerifiedEvent(tenantId, domain, command.override() ? OVERRIDE_METHOD : verifier.method()));
    }

    @CommandHandler
    void handle(RemoveDomainCommand command) {
        apply(new DomainRemovedEvent(tenantId, domain));
    }

    @EventSourcingHandler
    void on(DomainVerifiedEvent event) {
        verified = true;
    }

    /** By value: the aggregate test fixture compares handled against re-sourced state, map entries included. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CustomDomain that && Objects.equals(domain, that.domain)
                && Objects.equals(tenantId, that.tenantId) && Objects.equals(verificationToken, that.verificationToken)
                && verified == that.verified;
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, tenantId, verificationToken, verified);
    }
}
