package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.SettingsDefaults;
import dev.tenancy.api.tenant.command.RegisterDomainCommand;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape checks of the aggregate's commands. The API validates far more before it sends anything; these keep the
 * aggregate from storing an event that cannot be read back, whoever sends the command.
 */
final class CommandInput {

    static final String SSO_ENABLED = "security.sso.enabled";
    static final String SSO_ISSUER = "security.sso.issuer";
    static final String SSO_CLIENT_ID = "security.sso.clientId";

    private CommandInput() {
    }

    static Plan plan(Plan plan) {
        if (plan == null) {
            throw TenantRuleViolation.invalid(Map.of("plan", "plan is required"));
        }
        return plan;
    }

    static Map<Feature, Boolean> features(Map<Feature, Boolean> overrides) {
        if (overrides == null) {
            return Map.of();
        }
        boolean incomplete = overrides.keySet().stream().anyMatch(k -> k == null)
                || overrides.values().stream().anyMatch(v -> v == null);
        if (incomplete) {
            throw TenantRuleViolation.invalid(Map.of("features", "each override names a feature and true or false"));
        }
        return overrides;
    }

    static Map<String, Object> values(Map<String, Object> values) {
        return values == null ? Map.of() : values;
    }

    static String domain(RegisterDomainCommand command) {
        if (command.domain() == null || command.domain().isBlank() || command.verificationToken() == null) {
            throw TenantRuleViolation.invalid(Map.of("domain", "domain and verification token are required"));
        }
        return command.domain();
    }

    /** Single sign-on can only be on with an issuer and a client id, whether they were set before or come now. */
    static void checkSettings(Map<String, Object> current, Map<String, Object> requested) {
        if (!Boolean.TRUE.equals(resulting(SSO_ENABLED, current, requested))) {
            return;
        }
        Map<String, String> missing = new LinkedHashMap<>();
        for (String field : new String[] {SSO_ISSUER, SSO_CLIENT_ID}) {
            Object value = resulting(field, current, requested);
            if (value == null || value.toString().isBlank()) {
                missing.put(field, field + " is required while single sign-on is enabled");
            }
        }
        if (!missing.isEmpty()) {
            throw TenantRuleViolation.invalid(missing);
        }
    }

    private static Object resulting(String field, Map<String, Object> current, Map<String, Object> requested) {
        if (requested.containsKey(field)) {
            return requested.get(field);
        }
        return current.containsKey(field) ? current.get(field) : SettingsDefaults.SETTINGS.get(field);
    }
}
