package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.command.CreateTenantCommand;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.usage.UsageRecordedEvent;
import dev.tenancy.api.user.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class TenantAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private AggregateTestFixture<TenantAggregate> fixture;
    private SlugRegistry slugs;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TenantAggregate.class);
        slugs = mock(SlugRegistry.class);
        fixture.registerAnnotatedCommandHandler(new CreateTenantHandler(fixture.getRepository(), slugs,
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void signupCreatesTheTenantWithItsPlanLimitsAndTheOwnerInTheirSeat() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand("t-1", "Acme", "acme", Plan.STARTER, "u-1", "owner@acme.test"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new TenantCreatedEvent("t-1", "Acme", "acme", Plan.STARTER,
                                PlanCatalog.terms(Plan.STARTER).limits(), NOW),
                        new UserAddedEvent("t-1", "u-1", "owner@acme.test", Role.OWNER),
                        new UsageRecordedEvent("t-1", Resource.USERS, 1, 1, "seat:u-1", NOW,
                                Instant.parse("2026-11-27T00:00:00Z"), 1))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aTenantWithoutOwnerHasNoSeatTaken() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand("t-1", "Acme", "acme", Plan.ENTERPRISE, null, null))
                .expectEvents(new TenantCreatedEvent("t-1", "Acme", "acme", Plan.ENTERPRISE,
                        PlanCatalog.terms(Plan.ENTERPRISE).limits(), NOW));
    }

    @Test
    void planDefaultsToFree() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand("t-1", "Acme", "acme", null, "u-1", "owner@acme.test"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.matches(p -> p instanceof TenantCreatedEvent
                                        created && created.plan() == Plan.FREE
                                        && created.limits().equals(PlanCatalog.terms(Plan.FREE).limits())),
                                org.axonframework.test.matchers.Matchers.matches(p -> p instanceof UserAddedEvent),
                                org.axonframework.test.matchers.Matchers.matches(p -> p instanceof UsageRecordedEvent),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void aTakenSlugIsRefusedAndNothingHappens() {
        doThrow(new SlugAlreadyTakenException("acme")).when(slugs).claim(eq("acme"), any());
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand("t-2", "Acme 2", "acme", Plan.FREE, "u-2", "b@acme.test"))
                .expectException(SlugAlreadyTakenException.class)
                .expectNoEvents();
    }

    @Test
    void anInvalidSlugIsRefusedBeforeAnythingIsClaimed() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenantCommand("t-3", "Acme", "admin", Plan.FREE, "u-3", "c@acme.test"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        assertThat(org.mockito.Mockito.mockingDetails(slugs).getInvocations()).isEmpty();
    }

    @Test
    void theClaimIsReleasedWhenTheTenantCannotBeStored() {
        fixture.given(new TenantCreatedEvent("t-1", "Acme", "acme", Plan.FREE,
                        PlanCatalog.terms(Plan.FREE).limits(), NOW))
                .when(new CreateTenantCommand("t-1", "Acme", "acme2", Plan.FREE, "u-1", "owner@acme.test"))
                .expectException(Exception.class);
        verify(slugs).release(eq("acme2"), eq(dev.tenancy.api.tenant.TenantId.of("t-1")));
    }

    @Test
    void slugPolicyNamesWhatIsWrong() {
        assertThat(SlugPolicy.violation("ab")).isPresent();
        assertThat(SlugPolicy.violation("Acme")).isPresent();
        assertThat(SlugPolicy.violation("-acme")).isPresent();
        assertThat(SlugPolicy.violation("acme-")).isPresent();
        assertThat(SlugPolicy.violation("ac--me")).isPresent();
        assertThat(SlugPolicy.violation("www")).contains("slug 'www' is reserved");
        assertThat(SlugPolicy.violation("a".repeat(64))).isPresent();
        assertThat(SlugPolicy.violation("a".repeat(63))).isEqualTo(Optional.empty());
        assertThat(SlugPolicy.violation("acme-2")).isEmpty();
    }
}
