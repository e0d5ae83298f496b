package dev.tenancy.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an event means in words. The action comes from the class name alone ({@code UserInvitedEvent} -> "User
 * invited"), so an event type added tomorrow reads well without a change here; the known events also get a one-line
 * summary naming what changed.
 */
final class AuditWording {

    private static final Map<String, String> ACRONYMS = Map.of("api", "API", "ip", "IP", "sso", "SSO", "url", "URL",
            "id", "ID", "2fa", "2FA", "totp", "TOTP", "mfa", "MFA");

    private AuditWording() {
    }

    /** The simple class name without a trailing "Event", as words: {@code ApiKeyCreatedEvent} -> "API key created". */
    static String action(String typeName) {
        String name = typeName.endsWith("Event") && typeName.length() > 5
                ? typeName.substring(0, typeName.length() - 5) : typeName;
        List<String> words = new ArrayList<>();
        for (String word : name.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|_")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return typeName;
        }
        List<String> spoken = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String acronym = ACRONYMS.get(word.toLowerCase(Locale.ROOT));
            if (acronym != null) {
                spoken.add(acronym);
            } else if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
                spoken.add(word);
            } else {
                String lower = word.toLowerCase(Locale.ROOT);
                spoken.add(i == 0 ? Character.toUpperCase(lower.charAt(0)) + lower.substring(1) : lower);
            }
        }
        return String.join(" ", spoken);
    }

    /** One line for a person; for an event without its own wording, the action and the entity it names. */
    static String summary(String typeName, String action, JsonNode payload, AuditTarget target,
                          List<AuditChange> changes) {
        String known = known(typeName, payload, changes);
        if (known != null) {
            return known;
        }
        return target == null || target.kind().equals("tenant") ? action
                : action + " (" + target.kind() + " " + target.id() + ")";
    }

    private static String known(String typeName, JsonNode p, List<AuditChange> changes) {
        return switch (typeName) {
            case "TenantCreatedEvent" -> "Tenant " + s(p, "name") + " (" + s(p, "slug") + ") created on plan "
                    + s(p, "plan");
            case "UserAddedEvent" -> s(p, "email") + " joined as " + s(p, "role");
            case "PlanChangedEvent" -> "Plan changed from " + s(p, "previousPlan") + " to " + s(p, "plan");
            case "LimitsOverriddenEvent" -> "Limit overrides changed: " + fields(changes, "overrides.");
            case "FeaturesOverriddenEvent" -> "Feature overrides changed: " + fields(changes, "overrides.");
            case "TenantSuspendedEvent" -> "Tenant suspended" + reason(p);
            case "TenantActivatedEvent" -> "Tenant activated" + reason(p);
            case "TenantDeletedEvent" -> "Tenant deleted" + reason(p);
            case "SettingsChangedEvent" -> "Settings changed: " + fields(changes, "");
            case "BrandingChangedEvent" -> "Branding changed: " + fields(changes, "");
            case "DomainRegisteredEvent" -> "Domain " + s(p, "domain") + " registered";
            case "DomainVerifiedEvent" -> "Domain " + s(p, "domain") + " verified (" + s(p, "method") + ")";
            case "DomainRemovedEvent" -> "Domain " + s(p, "domain") + " removed";
            case "UsageRecordedEvent" -> s(p, "resource") + " " + signed(p.path("delta").asLong()) + ", now "
                    + s(p, "used");
            case "UsageRefusedEvent" -> s(p, "resource") + " " + signed(p.path("delta").asLong()) + " refused ("
                    + s(p, "reason") + "), " + s(p, "used") + " in use";
            case "UsagePeriodResetEvent" -> s(p, "resource") + " period reset, " + s(p, "previousUsed")
                    + " used in the period before";
            case "UsageThresholdCrossedEvent" -> s(p, "resource") + " reached " + s(p, "percent") + "% ("
                    + s(p, "used") + " of " + s(p, "limit") + ")";
            case "ApiCallsRecordedEvent" -> s(p, "count") + " API calls in the hour from " + s(p, "hourStart");
            case "UserInvitedEvent" -> s(p, "email") + " invited as " + s(p, "role");
            case "InvitationAcceptedEvent" -> "Invitation " + s(p, "invitationId") + " accepted by user "
                    + s(p, "userId");
            case "InvitationExpiredEvent" -> "Invitation of " + s(p, "email") + " expired";
            case "UserRoleChangedEvent" -> "User " + s(p, "userId") + " changed from " + s(p, "oldRole") + " to "
                    + s(p, "newRole");
            case "UserRemovedEvent" -> s(p, "email") + " removed";
            default -> null;
        };
    }

    private static String s(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isMissingNode() || value.isNull() ? "?" : value.asText();
    }

    private static String reason(JsonNode payload) {
        JsonNode reason = payload.path("reason");
        return reason.isTextual() && !reason.asText().isBlank() ? ": " + reason.asText() : "";
    }

    private static String signed(long delta) {
        return delta >= 0 ? "+" + delta : String.valueOf(delta);
    }

    private static String fields(List<AuditChange> changes, String prefix) {
        String names = changes.stream().map(AuditChange::field).filter(field -> field.startsWith(prefix))
                .map(field -> field.substring(prefix.length())).distinct().collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }
}
