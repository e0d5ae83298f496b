package dev.tenancy.command.tenant;

import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.mockito.Mockito.mock;

/** A tenant aggregate fixture with the clock and the domain collaborators its handlers take as parameters. */
final class TenantFixtures {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final String TENANT = "t-1";

    private TenantFixtures() {
    }

    static AggregateTestFixture<TenantAggregate> fixture(DomainRegistry registry, DomainVerifier verifier) {
        AggregateTestFixture<TenantAggregate> fixture = new AggregateTestFixture<>(TenantAggregate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(verifier);
        return fixture;
    }

    /** A tenant fixture for usage: the given clock and outcome store, registries that refuse nothing. */
    static AggregateTestFixture<TenantAggregate> usageFixture(Clock clock, UsageOutcomeStore store) {
        AggregateTestFixture<TenantAggregate> fixture = new AggregateTestFixture<>(TenantAggregate.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(mock(DomainRegistry.class));
        fixture.registerInjectableResource(mock(DomainVerifier.class));
        fixture.registerInjectableResource(store);
        return fixture;
    }

    static TenantCreatedEvent created(Plan plan) {
        return new TenantCreatedEvent(TENANT, "Acme", "acme", plan, PlanCatalog.terms(plan).limits(), NOW);
    }

    static MetaData as(String role) {
        return MetaData.with(MetadataKeys.ACTOR_ROLE, role);
    }

    /** The command was refused with this problem code. */
    static Matcher<?> refusedWith(String code) {
        return Matchers.matches(e -> e instanceof TenantRuleViolation violation && violation.code().equals(code));
    }
}
