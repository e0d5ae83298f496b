package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.command.UpdateBrandingCommand;
import dev.tenancy.api.tenant.command.UpdateSettingsCommand;
import dev.tenancy.api.tenant.event.BrandingChangedEvent;
import dev.tenancy.api.tenant.event.FeaturesOverriddenEvent;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.tenancy.command.tenant.TenantFixtures.TENANT;
import static dev.tenancy.command.tenant.TenantFixtures.created;
import static dev.tenancy.command.tenant.TenantFixtures.refusedWith;
import static org.mockito.Mockito.mock;

class TenantSettingsTest {

    private AggregateTestFixture<TenantAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture(mock(DomainRegistry.class), new FakeDomainVerifier());
    }

    @Test
    void changedSettingsRecordTheDefaultAsTheirOldValue() {
        fixture.given(created(Plan.FREE))
                .when(new UpdateSettingsCommand(TENANT, Map.of("timezone", "Europe/Berlin",
                        "security.sessionTimeoutMinutes", 30, "currency", "USD")))
                .expectEvents(new SettingsChangedEvent(TENANT, List.of(
                        new FieldChange("security.sessionTimeoutMinutes", 60, 30),
                        new FieldChange("timezone", "UTC", "Europe/Berlin"))))
                .expectResultMessagePayload(new ChangeReceipt(List.of("security.sessionTimeoutMinutes", "timezone"),
                        1L));
    }

    @Test
    void settingsThatDoNotChangeStoreNothing() {
        fixture.given(created(Plan.FREE), new SettingsChangedEvent(TENANT, List.of(
                        new FieldChange("timezone", "UTC", "Europe/Berlin"))))
                .when(new UpdateSettingsCommand(TENANT, Map.of("timezone", "Europe/Berlin", "language", "en")))
                .expectNoEvents()
                .expectResultMessagePayload(new ChangeReceipt(List.of(), 1L));
    }

    @Test
    void singleSignOnNeedsAnIssuerAndAClientId() {
        fixture.given(created(Plan.FREE))
                .when(new UpdateSettingsCommand(TENANT, Map.of("security.sso.enabled", true,
                        "security.sso.issuer", "https://idp.acme.test")))
                .expectException(Matchers.matches(e -> e instanceof TenantRuleViolation v
                        && v.code().equals("validation-failed")
                        && v.details().get("errors").toString().contains("security.sso.clientId")
                        && !v.details().get("errors").toString().contains("security.sso.issuer")))
                .expectNoEvents();
    }

    @Test
    void singleSignOnIsEnabledWithAnIssuerAndClientIdSetBefore() {
        fixture.given(created(Plan.FREE), new SettingsChangedEvent(TENANT, List.of(
                        new FieldChange("security.sso.issuer", null, "https://idp.acme.test"),
                        new FieldChange("security.sso.clientId", null, "acme"))))
                .when(new UpdateSettingsCommand(TENANT, Map.of("security.sso.enabled", true)))
                .expectEvents(new SettingsChangedEvent(TENANT, List.of(
                        new FieldChange("security.sso.enabled", false, true))));
    }

    @Test
    void brandingNeedsWhiteLabel() {
        fixture.given(created(Plan.PROFESSIONAL))
                .when(new UpdateBrandingCommand(TENANT, Map.of("primaryColor", "#112233")))
                .expectException(Matchers.matches(e -> e instanceof TenantRuleViolation v
                        && v.code().equals("feature-not-available")
                        && v.details().equals(Map.of("feature", "WHITE_LABEL", "plan", "PROFESSIONAL",
                        "requiredPlan", "ENTERPRISE"))))
                .expectNoEvents();
    }

    @Test
    void aFeatureOverrideGrantsBranding() {
        fixture.given(created(Plan.STARTER), new FeaturesOverriddenEvent(TENANT, Map.of(),
                        Map.of(Feature.WHITE_LABEL, true)))
                .when(new UpdateBrandingCommand(TENANT, Map.of("primaryColor", "#112233")))
                .expectEvents(new BrandingChangedEvent(TENANT, List.of(
                        new FieldChange("primaryColor", null, "#112233"))));
    }

    @Test
    void aFeatureOverrideWithholdsBrandingFromEnterprise() {
        fixture.given(created(Plan.ENTERPRISE), new FeaturesOverriddenEvent(TENANT, Map.of(),
                        Map.of(Feature.WHITE_LABEL, false)))
                .when(new UpdateBrandingCommand(TENANT, Map.of("primaryColor", "#112233")))
                .expectException(refusedWith("feature-not-available"));
    }

    @Test
    void brandingIsClearedWithNullAndUnchangedBrandingStoresNothing() {
        Map<String, Object> clear = new HashMap<>();
        clear.put("logoUrl", null);
        fixture.given(created(Plan.ENTERPRISE), new BrandingChangedEvent(TENANT, List.of(
                        new FieldChange("logoUrl", null, "https://cdn.acme.test/logo.png"))))
                .when(new UpdateBrandingCommand(TENANT, clear))
                .expectEvents(new BrandingChangedEvent(TENANT, List.of(
                        new FieldChange("logoUrl", "https://cdn.acme.test/logo.png", null))));
        fixture.given(created(Plan.ENTERPRISE), new BrandingChangedEvent(TENANT, List.of(
                        new FieldChange("logoUrl", null, "https://cdn.acme.test/logo.png"))))
                .when(new UpdateBrandingCommand(TENANT, Map.of("logoUrl", "https://cdn.acme.test/logo.png")))
                .expectNoEvents();
    }
}
