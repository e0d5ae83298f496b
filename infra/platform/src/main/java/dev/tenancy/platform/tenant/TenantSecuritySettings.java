package dev.tenancy.platform.tenant;

import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.SettingsDefaults;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How a tenant's settings make its {@link TenantSecurity}: both services' directories fold the same settings paths
 * the same way, so the command side and the query side refuse and admit the same callers. A field set back to null
 * (or never set) has its default.
 */
public final class TenantSecuritySettings {

    public static final String IP_ALLOW_LIST = "security.ipAllowList";
    public static final String TWO_FACTOR_REQUIRED = "security.twoFactorRequired";
    public static final String ALLOW_IMPERSONATION = "compliance.allowImpersonation";

    private TenantSecuritySettings() {
    }

    /** A new tenant's security: the settings defaults. */
    public static TenantSecurity defaults() {
        return new TenantSecurity(allowList(null), flag(TWO_FACTOR_REQUIRED, null), flag(ALLOW_IMPERSONATION, null));
    }

    /** {@code current} with the changes of one settings event folded in; other fields are ignored. */
    public static TenantSecurity apply(TenantSecurity current, List<FieldChange> changes) {
        TenantSecurity security = current == null ? defaults() : current;
        for (FieldChange change : changes == null ? List.<FieldChange>of() : changes) {
            Object value = change.newValue();
            security = switch (change.field()) {
                case IP_ALLOW_LIST -> new TenantSecurity(allowList(value), security.twoFactorRequired(),
                        security.impersonationAllowed());
                case TWO_FACTOR_REQUIRED -> new TenantSecurity(security.ipAllowList(), flag(TWO_FACTOR_REQUIRED, value),
                        security.impersonationAllowed());
                case ALLOW_IMPERSONATION -> new TenantSecurity(security.ipAllowList(), security.twoFactorRequired(),
                        flag(ALLOW_IMPERSONATION, value));
                default -> security;
            };
        }
        return security;
    }

    /** The security of a tenant whose settings are {@code byPath} (dotted path to value; absent: the default). */
    public static TenantSecurity of(Map<String, Object> byPath) {
        return new TenantSecurity(allowList(byPath.get(IP_ALLOW_LIST)), flag(TWO_FACTOR_REQUIRED,
                byPath.get(TWO_FACTOR_REQUIRED)), flag(ALLOW_IMPERSONATION, byPath.get(ALLOW_IMPERSONATION)));
    }

    private static List<String> allowList(Object value) {
        Object list = value != null ? value : SettingsDefaults.SETTINGS.get(IP_ALLOW_LIST);
        return list instanceof Collection<?> entries ? entries.stream().map(String::valueOf).toList() : List.of();
    }

    private static boolean flag(String path, Object value) {
        Object flag = value != null ? value : SettingsDefaults.SETTINGS.get(path);
        return flag instanceof Boolean set && set;
    }
}
