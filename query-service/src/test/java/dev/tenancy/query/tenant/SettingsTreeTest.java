package dev.tenancy.query.tenant;

import dev.tenancy.api.tenant.SettingsDefaults;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsTreeTest {

    @Test
    void storageKeysHaveNoDotsAndReadBackAsPaths() {
        assertThat(SettingsTree.storageKey("compliance.retentionDays.messages"))
                .isEqualTo("compliance/retentionDays/messages");
        assertThat(SettingsTree.path("compliance/retentionDays/messages"))
                .isEqualTo("compliance.retentionDays.messages");
    }

    @Test
    void nothingStoredGivesTheDefaultsNested() {
        Map<String, Object> settings = SettingsTree.nested(new Document());
        assertThat(settings).containsOnlyKeys("timezone", "language", "currency", "security", "compliance");
        assertThat(at(settings, "security", "sso")).containsEntry("enabled", false);
        assertThat(at(settings, "compliance", "retentionDays")).containsOnlyKeys("messages", "contacts",
                "analytics", "auditLogs");
        assertThat(at(settings, "compliance", "retentionDays")).containsEntry("auditLogs",
                SettingsDefaults.SETTINGS.get("compliance.retentionDays.auditLogs"));
    }

    @Test
    void storedValuesOverrideDefaultsAndClientSecretsAreMasked() {
        Document stored = new Document("security/ipAllowList", List.of("10.0.0.1/32"))
                .append("security/sso/clientSecret", "plain")
                .append("security/sso/oauthClientSecret", "also-plain")
                .append("currency", "EUR");
        Map<String, Object> settings = SettingsTree.nested(stored);
        assertThat(settings).containsEntry("currency", "EUR");
        assertThat(at(settings, "security")).containsEntry("ipAllowList", List.of("10.0.0.1/32"));
        assertThat(at(settings, "security", "sso")).containsEntry("clientSecret", SettingsTree.MASK)
                .containsEntry("oauthClientSecret", SettingsTree.MASK);
    }

    @Test
    void anUnsetSecretIsNotMaskedIntoExistence() {
        assertThat(SettingsTree.masked("security.sso.clientSecret", null)).isNull();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> root, String... path) {
        Map<String, Object> node = root;
        for (String segment : path) {
            node = (Map<String, Object>) node.get(segment);
        }
        return node;
    }
}
