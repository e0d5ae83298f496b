package dev.tenancy.command.usage;

import dev.tenancy.command.tenant.TenantRuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which failures of a usage command are answers about the report (dead-letter it) rather than about the
 * infrastructure (deliver the batch again). The tenant's rules answer the same way every time; a retry cannot help.
 */
final class UsageRefusals {

    private UsageRefusals() {
    }

    static Optional<String> reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TenantRuleViolation violation) {
                return Optional.of(violation.code() + ": " + violation.getMessage() + fieldErrors(violation));
            }
            if (cause instanceof AggregateNotFoundException) {
                return Optional.of("tenant-not-found: the tenant does not exist");
            }
        }
        return Optional.empty();
    }

    private static String fieldErrors(TenantRuleViolation violation) {
        if (!(violation.details().get("errors") instanceof List<?> errors) || errors.isEmpty()) {
            return "";
        }
        return errors.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .map(error -> error.get("field") + ": " + error.get("message"))
                .collect(Collectors.joining("; ", " (", ")"));
    }
}
