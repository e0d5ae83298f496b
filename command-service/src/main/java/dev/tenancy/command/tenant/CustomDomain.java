package dev.tenancy.command.tenant;

import dev.tenancy.api.tenant.command.RemoveDomainCommand;
import dev.tenancy.api.tenant.command.VerifyDomainCommand;
import dev.tenancy.api.tenant.event.DomainRemovedEvent;
import dev.tenancy.api.tenant.event.DomainVerifiedEvent;
import dev.tenancy.api.user.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.EntityId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A tenant's custom domain: pending until its check passes (or a superadmin overrides it); only then it resolves. */
class CustomDomain {

    @EntityId
    private String domain;
    private String tenantId;
    private boolean verified;

    private CustomDomain() {
    }

    CustomDomain(String domain, String tenantId) {
        this.domain = domain;
        this.tenantId = tenantId;
    }

    @CommandHandler
    void handle(VerifyDomainCommand command, DomainVerifier verifier, @MetaDataValue("actorRole") String actorRole) {
        if (command.override() && !Role.SUPERADMIN.name().equals(actorRole)) {
            throw TenantRuleViolation.superadminOnly("verify a domain without its check");
        }
        if (verified) {
            return;
        }
        if (!command.override() && !verifier.verify(domain)) {
            throw TenantRuleViolation.verificationFailed(domain, verifier.describe(domain));
        }
        apply(new DomainVerifiedEvent(tenantId, domain, command.override() ? "superadmin-override" : verifier.method()));
    }

    @CommandHandler
    void handle(RemoveDomainCommand command, DomainRegistry registry) {
        apply(new DomainRemovedEvent(tenantId, domain));
        registry.release(domain, tenantId);
    }

    @EventSourcingHandler
    void on(DomainVerifiedEvent event) {
        verified = true;
    }
}
