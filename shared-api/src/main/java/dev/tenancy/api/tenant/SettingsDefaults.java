package dev.tenancy.api.tenant;

import java.util.List;
import java.util.Map;

/**
 * What a new tenant's settings are until changed. Settings are addressed by dotted path; the first change of a field
 * records its default as the old value.
 */
public final class SettingsDefaults {

    public static final Map<String, Object> SETTINGS = Map.ofEntries(
            Map.entry("timezone", "UTC"),
            Map.entry("language", "en"),
            Map.entry("currency", "USD"),
            Map.entry("security.twoFactorRequired", false),
            Map.entry("security.sessionTimeoutMinutes", 60),
            Map.entry("security.ipAllowList", List.of()),
            Map.entry("security.sso.enabled", false),
            Map.entry("compliance.dataRegion", "eu"),
            Map.entry("compliance.auditLogging", true),
            Map.entry("compliance.allowImpersonation", true),
            Map.entry("compliance.retentionDays.messages", 365),
            Map.entry("compliance.retentionDays.contacts", 730),
            Map.entry("compliance.retentionDays.analytics", 730),
            Map.entry("compliance.retentionDays.auditLogs", 2555));

    public static final Map<String, Object> BRANDING = Map.of();

    private SettingsDefaults() {
    }
}
