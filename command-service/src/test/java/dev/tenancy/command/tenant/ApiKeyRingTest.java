package dev.tenancy.command.tenant;

import dev.tenancy.api.apikey.ApiKeyCreatedEvent;
import dev.tenancy.api.apikey.ApiKeyRevokedEvent;
import dev.tenancy.api.apikey.CreateApiKeyCommand;
import dev.tenancy.api.apikey.RevokeApiKeyCommand;
import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.event.FeaturesOverriddenEvent;
import dev.tenancy.api.tenant.event.PlanChangedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.tenancy.command.tenant.TenantFixtures.NOW;
import static dev.tenancy.command.tenant.TenantFixtures.TENANT;
import static dev.tenancy.command.tenant.TenantFixtures.created;
import static dev.tenancy.command.tenant.TenantFixtures.refusedWith;
import static org.mockito.Mockito.mock;

class ApiKeyRingTest {

    private static final Set<String> READ = Set.of("read");
    private AggregateTestFixture<TenantAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture(mock(DomainRegistry.class), mock(DomainVerifier.class));
    }

    private static CreateApiKeyCommand create(String keyId, String name) {
        return new CreateApiKeyCommand(TENANT, keyId, name, "prefix" + keyId, Set.of("read", "usage:write"));
    }

    private static ApiKeyCreatedEvent createdKey(String keyId, String name) {
        return new ApiKeyCreatedEvent(TENANT, keyId, name, "prefix" + keyId, READ, NOW);
    }

    @Test
    void onStarterAKeyIsCreatedWithItsPublicPartsOnly() {
        fixture.given(created(Plan.STARTER))
                .when(create("k-1", "  CI pipeline "))
                .expectEvents(new ApiKeyCreatedEvent(TENANT, "k-1", "CI pipeline", "prefixk-1",
                        Set.of("usage:write", "read"), NOW))
                .expectResultMessagePayload(new ApiKeyReceipt("k-1", NOW, 1L));
    }

    @Test
    void freeHasNoApiAccessUnlessASuperadminGrantsIt() {
        fixture.given(created(Plan.FREE))
                .when(create("k-1", "CI"))
                .expectException(Matchers.matches(e -> e instanceof TenantRuleViolation v
                        && v.code().equals("feature-not-available") && v.details().equals(Map.of(
                        "feature", "API_ACCESS", "plan", "FREE", "requiredPlan", "STARTER"))))
                .expectNoEvents();
        fixture.given(created(Plan.FREE), new FeaturesOverriddenEvent(TENANT, Map.of(),
                        Map.of(Feature.API_ACCESS, true)))
                .when(create("k-1", "CI"))
                .expectEvents(new ApiKeyCreatedEvent(TENANT, "k-1", "CI", "prefixk-1", Set.of("read", "usage:write"),
                        NOW));
    }

    @Test
    void aDowngradeOrAWithheldFeatureStopsNewKeys() {
        var free = PlanCatalog.terms(Plan.FREE).limits();
        fixture.given(created(Plan.STARTER), new PlanChangedEvent(TENANT, Plan.STARTER, Plan.FREE, free, free))
                .when(create("k-1", "CI"))
                .expectException(refusedWith("feature-not-available"))
                .expectNoEvents();
        fixture.given(created(Plan.PROFESSIONAL), new FeaturesOverriddenEvent(TENANT, Map.of(),
                        Map.of(Feature.API_ACCESS, false)))
                .when(create("k-1", "CI"))
                .expectException(refusedWith("feature-not-available"))
                .expectNoEvents();
    }

    @Test
    void atMostFiftyActiveKeysAndARevokedOneMakesRoom() {
        List<Object> history = new ArrayList<>(List.of(created(Plan.STARTER)));
        for (int i = 0; i < ApiKeyRing.MAX_ACTIVE_KEYS; i++) {
            history.add(createdKey("k-" + i, "key " + i));
        }
        fixture.given(history)
                .when(create("k-new", "one too many"))
                .expectException(Matchers.matches(e -> e instanceof TenantRuleViolation v
                        && v.code().equals("api-key-limit-reached") && v.details().equals(Map.of("limit", 50))))
                .expectNoEvents();

        history.add(new ApiKeyRevokedEvent(TENANT, "k-7"));
        fixture.given(history)
                .when(create("k-new", "fits again"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ApiKeyCreatedEvent e && e.keyId().equals("k-new")),
                        Matchers.andNoMore())));
    }

    @Test
    void namesAreUniqueAmongActiveKeysIgnoringCase() {
        fixture.given(created(Plan.STARTER), createdKey("k-1", "CI"))
                .when(create("k-2", " ci "))
                .expectException(refusedWith("api-key-name-taken"))
                .expectNoEvents();
        fixture.given(created(Plan.STARTER), createdKey("k-1", "CI"), new ApiKeyRevokedEvent(TENANT, "k-1"))
                .when(create("k-2", "CI"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aKeyIdIsNeverReusedEvenAfterRevocation() {
        fixture.given(created(Plan.STARTER), createdKey("k-1", "CI"), new ApiKeyRevokedEvent(TENANT, "k-1"))
                .when(create("k-1", "again"))
                .expectException(refusedWith("validation-failed"))
                .expectNoEvents();
    }

    @Test
    void malformedCommandsAreRefusedWhoeverSendsThem() {
        for (CreateApiKeyCommand bad : List.of(
                new CreateApiKeyCommand(TENANT, "k-1", " ", "p", READ),
                new CreateApiKeyCommand(TENANT, "k-1", "x".repeat(101), "p", READ),
                new CreateApiKeyCommand(TENANT, "k-1", "CI", "p", Set.of()),
                new CreateApiKeyCommand(TENANT, "k-1", "CI", "p", Set.of("admin")),
                new CreateApiKeyCommand(TENANT, "k-1", "CI", null, READ),
                new CreateApiKeyCommand(TENANT, null, "CI", "p", READ))) {
            fixture.given(created(Plan.STARTER))
                    .when(bad)
                    .expectException(refusedWith("validation-failed"))
                    .expectNoEvents();
        }
    }

    @Test
    void revokingAnActiveKeyRecordsIt() {
        fixture.given(created(Plan.STARTER), createdKey("k-1", "CI"))
                .when(new RevokeApiKeyCommand(TENANT, "k-1"))
                .expectEvents(new ApiKeyRevokedEvent(TENANT, "k-1"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void anUnknownOrAlreadyRevokedKeyIsNotFound() {
        fixture.given(created(Plan.STARTER), createdKey("k-1", "CI"))
                .when(new RevokeApiKeyCommand(TENANT, "k-2"))
                .expectException(refusedWith("api-key-not-found"))
                .expectNoEvents();
        fixture.given(created(Plan.STARTER), createdKey("k-1", "CI"), new ApiKeyRevokedEvent(TENANT, "k-1"))
                .when(new RevokeApiKeyCommand(TENANT, "k-1"))
                .expectException(refusedWith("api-key-not-found"))
                .expectNoEvents();
    }

    @Test
    void revokingStaysPossibleAfterADowngradeAndWhileSuspendedButCreatingDoesNot() {
        var free = PlanCatalog.terms(Plan.FREE).limits();
        fixture.given(created(Plan.STARTER), createdKey("k-1", "CI"),
                        new PlanChangedEvent(TENANT, Plan.STARTER, Plan.FREE, free, free))
                .when(new RevokeApiKeyCommand(TENANT, "k-1"))
                .expectEvents(new ApiKeyRevokedEvent(TENANT, "k-1"));
        fixture.given(created(Plan.STARTER), createdKey("k-1", "CI"), new TenantSuspendedEvent(TENANT, "unpaid"))
                .when(new RevokeApiKeyCommand(TENANT, "k-1"))
                .expectEvents(new ApiKeyRevokedEvent(TENANT, "k-1"));
        fixture.given(created(Plan.STARTER), new TenantSuspendedEvent(TENANT, "unpaid"))
                .when(create("k-2", "CI"))
                .expectException(refusedWith("tenant-suspended"))
                .expectNoEvents();
    }
}
