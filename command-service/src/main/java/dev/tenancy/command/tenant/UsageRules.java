package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.usage.RecordUsageCommand;

import java.util.Map;

/** What a usage report must look like before the ledger decides on it. */
final class UsageRules {

    static final int MAX_KEY_LENGTH = 200;

    private UsageRules() {
    }

    static void check(RecordUsageCommand command) {
        if (command.resource() == null) {
            throw invalid("resource", "resource is required");
        }
        if (command.resource() == Resource.CUSTOM_INTEGRATIONS) {
            throw invalid("resource", "customIntegrations is a feature switch, not a counter");
        }
        if (command.resource() == Resource.USERS) {
            throw invalid("resource", "users are counted by invitations and removals");
        }
        if (command.resource() == Resource.API_CALLS_PER_HOUR) {
            throw invalid("resource", "apiCallsPerHour is counted by the platform on every API request");
        }
        if (command.delta() == 0) {
            throw invalid("delta", "delta must not be zero");
        }
        if (command.idempotencyKey() == null || command.idempotencyKey().isBlank()
                || command.idempotencyKey().length() > MAX_KEY_LENGTH) {
            throw invalid("idempotencyKey", "idempotencyKey is required, at most " + MAX_KEY_LENGTH + " characters");
        }
    }

    private static TenantRuleViolation invalid(String field, String message) {
        return new TenantRuleViolation(TenantRuleViolation.Kind.INVALID, "validation-failed", message,
                Map.of("errors", java.util.List.of(Map.of("field", field, "message", message))));
    }
}
