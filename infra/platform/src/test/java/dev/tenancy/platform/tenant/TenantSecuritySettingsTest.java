package dev.tenancy.platform.tenant;

import dev.tenancy.api.tenant.FieldChange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenantSecuritySettingsTest {

    @Test
    void aNewTenantHasTheSettingsDefaults() {
        assertThat(TenantSecuritySettings.defaults()).isEqualTo(new TenantSecurity(List.of(), false, true))
                .isEqualTo(TenantSecurity.defaults());
        assertThat(TenantSecuritySettings.of(Map.of())).isEqualTo(TenantSecuritySettings.defaults());
    }

    @Test
    void settingsChangesFoldIntoTheSecurityAndOtherFieldsAreIgnored() {
        TenantSecurity security = TenantSecuritySettings.apply(null, List.of(
                new FieldChange("timezone", "UTC", "Europe/Berlin"),
                new FieldChange("security.ipAllowList", List.of(), new ArrayList<>(List.of("10.0.0.0/8"))),
                new FieldChange("security.twoFactorRequired", false, true),
                new FieldChange("compliance.allowImpersonation", true, false)));
        assertThat(security).isEqualTo(new TenantSecurity(List.of("10.0.0.0/8"), true, false));

        TenantSecurity later = TenantSecuritySettings.apply(security, List.of(
                new FieldChange("security.ipAllowList", List.of("10.0.0.0/8"), List.of()),
                new FieldChange("security.twoFactorRequired", true, false)));
        assertThat(later).isEqualTo(new TenantSecurity(List.of(), false, false));
    }

    @Test
    void aFieldSetBackToNullHasItsDefaultAgain() {
        TenantSecurity security = new TenantSecurity(List.of("10.0.0.0/8"), true, false);
        assertThat(TenantSecuritySettings.apply(security, List.of(
                new FieldChange("security.ipAllowList", List.of("10.0.0.0/8"), null),
                new FieldChange("security.twoFactorRequired", true, null),
                new FieldChange("compliance.allowImpersonation", false, null))))
                .isEqualTo(TenantSecuritySettings.defaults());
    }

    @Test
    void storedSettingsByPathGiveTheSameSecurityAsTheEventsThatWroteThem() {
        List<FieldChange> changes = List.of(new FieldChange("security.ipAllowList", List.of(), List.of("::1/128")),
                new FieldChange("compliance.allowImpersonation", true, false));
        Map<String, Object> stored = Map.of("security.ipAllowList", List.of("::1/128"),
                "compliance.allowImpersonation", false, "timezone", "UTC");
        assertThat(TenantSecuritySettings.of(stored)).isEqualTo(TenantSecuritySettings.apply(null, changes))
                .isEqualTo(new TenantSecurity(List.of("::1/128"), false, false));
    }
}
