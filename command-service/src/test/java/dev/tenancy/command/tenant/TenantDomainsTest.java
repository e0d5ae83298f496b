package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.command.RegisterDomainCommand;
import dev.tenancy.api.tenant.command.RemoveDomainCommand;
import dev.tenancy.api.tenant.command.VerifyDomainCommand;
import dev.tenancy.api.tenant.event.DomainRegisteredEvent;
import dev.tenancy.api.tenant.event.DomainRemovedEvent;
import dev.tenancy.api.tenant.event.DomainVerifiedEvent;
import org.axonframework.modelling.command.AggregateEntityNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.tenancy.command.tenant.TenantFixtures.TENANT;
import static dev.tenancy.command.tenant.TenantFixtures.as;
import static dev.tenancy.command.tenant.TenantFixtures.created;
import static dev.tenancy.command.tenant.TenantFixtures.refusedWith;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class TenantDomainsTest {

    private static final String DOMAIN = "shop.acme.example";
    private AggregateTestFixture<TenantAggregate> fixture;
    private DomainRegistry registry;
    private FakeDomainVerifier dns;

    @BeforeEach
    void setUp() {
        registry = mock(DomainRegistry.class);
        dns = new FakeDomainVerifier();
        fixture = TenantFixtures.fixture(registry, dns);
    }

    @Test
    void aDomainIsClaimedAndRegisteredAsPending() {
        fixture.given(created(Plan.FREE))
                .when(new RegisterDomainCommand(TENANT, DOMAIN, "tok"))
                .expectEvents(new DomainRegisteredEvent(TENANT, DOMAIN, "tok"))
                .expectResultMessagePayload(1L);
        verify(registry).claim(DOMAIN, TENANT);
    }

    @Test
    void theClaimIsGivenBackWhenTheRegistrationIsNotStored() {
        fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
            chain.proceed();
            throw new IllegalStateException("storing the events failed");
        });
        fixture.given(created(Plan.FREE))
                .when(new RegisterDomainCommand(TENANT, DOMAIN, "tok"))
                .expectException(IllegalStateException.class);
        verify(registry).claim(DOMAIN, TENANT);
        verify(registry).release(DOMAIN, TENANT);
    }

    @Test
    void aDomainOfTheTenantItselfIsTaken() {
        fixture.given(created(Plan.FREE), new DomainRegisteredEvent(TENANT, DOMAIN, "tok"))
                .when(new RegisterDomainCommand(TENANT, DOMAIN, "tok2"))
                .expectException(refusedWith("domain-taken"))
                .expectNoEvents();
        verifyNoInteractions(registry);
    }

    @Test
    void aDomainAnotherTenantClaimedIsTaken() {
        doThrow(TenantRuleViolation.domainTaken(DOMAIN)).when(registry).claim(DOMAIN, TENANT);
        fixture.given(created(Plan.FREE))
                .when(new RegisterDomainCommand(TENANT, DOMAIN, "tok"))
                .expectException(refusedWith("domain-taken"))
                .expectNoEvents();
    }

    @Test
    void unknownDomainsCannotBeVerifiedOrRemoved() {
        fixture.given(created(Plan.FREE), new DomainRegisteredEvent(TENANT, DOMAIN, "tok"))
                .when(new VerifyDomainCommand(TENANT, "other.example", false))
                .expectException(AggregateEntityNotFoundException.class)
                .expectNoEvents();
        fixture.given(created(Plan.FREE), new DomainRegisteredEvent(TENANT, DOMAIN, "tok"),
                        new DomainRemovedEvent(TENANT, DOMAIN))
                .when(new RemoveDomainCommand(TENANT, DOMAIN))
                .expectException(AggregateEntityNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aDomainPublishingItsTokenIsVerified() {
        dns.publish(DOMAIN, "tok");
        fixture.given(created(Plan.FREE), new DomainRegisteredEvent(TENANT, DOMAIN, "tok"))
                .when(new VerifyDomainCommand(TENANT, DOMAIN, false))
                .expectEvents(new DomainVerifiedEvent(TENANT, DOMAIN, "dns-txt"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aDomainPublishingAnotherTokenFailsItsCheck() {
        dns.publish(DOMAIN, "someone-elses");
        fixture.given(created(Plan.FREE), new DomainRegisteredEvent(TENANT, DOMAIN, "tok"))
                .when(new VerifyDomainCommand(TENANT, DOMAIN, false))
                .expectException(refusedWith("domain-verification-failed"))
                .expectExceptionMessage("The verification record of shop.acme.example was not found; publish TXT "
                        + "_tenancy-verification.shop.acme.example \"tenancy-verification=tok\" and try again.")
                .expectNoEvents();
    }

    @Test
    void aVerifiedDomainIsNotVerifiedAgain() {
        fixture.given(created(Plan.FREE), new DomainRegisteredEvent(TENANT, DOMAIN, "tok"),
                        new DomainVerifiedEvent(TENANT, DOMAIN, "dns-txt"))
                .when(new VerifyDomainCommand(TENANT, DOMAIN, false))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void onlyASuperadminOverridesTheCheck() {
        fixture.given(created(Plan.FREE), new DomainRegisteredEvent(TENANT, DOMAIN, "tok"))
                .when(new VerifyDomainCommand(TENANT, DOMAIN, true), as("SUPERADMIN"))
                .expectEvents(new DomainVerifiedEvent(TENANT, DOMAIN, "superadmin-override"));
        fixture.given(created(Plan.FREE), new DomainRegisteredEvent(TENANT, DOMAIN, "tok"))
                .when(new VerifyDomainCommand(TENANT, DOMAIN, true), as("OWNER"))
                .expectException(refusedWith("forbidden"))
                .expectNoEvents();
    }

    @Test
    void aRemovedDomainIsGoneAndCanBeRegisteredAgain() {
        fixture.given(created(Plan.FREE), new DomainRegisteredEvent(TENANT, DOMAIN, "tok"))
                .when(new RemoveDomainCommand(TENANT, DOMAIN))
                .expectEvents(new DomainRemovedEvent(TENANT, DOMAIN));
        fixture.given(created(Plan.FREE), new DomainRegisteredEvent(TENANT, DOMAIN, "tok"),
                        new DomainVerifiedEvent(TENANT, DOMAIN, "dns-txt"), new DomainRemovedEvent(TENANT, DOMAIN))
                .when(new RegisterDomainCommand(TENANT, DOMAIN, "new-token"))
                .expectEvents(new DomainRegisteredEvent(TENANT, DOMAIN, "new-token"));
    }
}
