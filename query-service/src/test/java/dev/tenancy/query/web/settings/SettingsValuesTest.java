package dev.tenancy.query.web.settings;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings pages read groups and lists that a tenant may never have set, and state plan prices plainly. */
class SettingsValuesTest {

    @Test
    void aMissingOrMisshapenGroupOrListReadsAsEmpty() {
        Map<String, Object> settings = Map.of("security", Map.of("ipAllowList", List.of("10.0.0.0/8")),
                "compliance", "not a group");
        assertThat(SettingsValues.group(settings, "security")).containsKey("ipAllowList");
        assertThat(SettingsValues.group(settings, "compliance")).isEmpty();
        assertThat(SettingsValues.group(null, "security")).isEmpty();
        assertThat(SettingsValues.list(SettingsValues.group(settings, "security").get("ipAllowList")))
                .containsExactly("10.0.0.0/8");
        assertThat(SettingsValues.list(null)).isEmpty();
    }

    @Test
    void pricesComeFromThePlanCatalog() {
        assertThat(BrandingSettingsPage.price(PlanCatalog.terms(Plan.STARTER))).isEqualTo("$29 per month");
        assertThat(BrandingSettingsPage.price(PlanCatalog.terms(Plan.FREE))).isEqualTo("$0 per month");
        assertThat(BrandingSettingsPage.price(PlanCatalog.terms(Plan.ENTERPRISE))).startsWith("custom pricing");
    }
}
