package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.user.Role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command refused by a tenant rule. {@code code} is the problem type the API answers with; {@code details} become
 * members of the problem body. Kept free of HTTP so the aggregate speaks only its own language.
 */
public class TenantRuleViolation extends RuntimeException {

    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, INVALID }

    private final Kind kind;
    private final String code;
    private final Map<String, Object> details;

    public TenantRuleViolation(Kind kind, String code, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public static TenantRuleViolation notFound() {
        return new TenantRuleViolation(Kind.NOT_FOUND, "tenant-not-found", "The tenant does not exist.", Map.of());
    }

    public static TenantRuleViolation suspended(String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : reason;
        return new TenantRuleViolation(Kind.FORBIDDEN, "tenant-suspended",
                "The tenant is suspended: " + why, Map.of("reason", why));
    }

    public static TenantRuleViolation invalidTransition(String action, TenantStatus status) {
        return new TenantRuleViolation(Kind.CONFLICT, "invalid-status-transition",
                "Cannot " + action + " a tenant that is " + status + ".", Map.of("status", status.name()));
    }

    public static TenantRuleViolation featureMissing(Feature feature, Plan plan) {
        Plan required = PlanCatalog.lowestPlanWith(feature);
        return new TenantRuleViolation(Kind.FORBIDDEN, "feature-not-available",
                "The " + plan + " plan does not include " + feature + "; upgrade to " + required
                        + " or ask a superadmin to enable it.",
                Map.of("feature", feature.name(), "plan", plan.name(), "requiredPlan", required.name()));
    }

    public static TenantRuleViolation superadminOnly(String action) {
        return new TenantRuleViolation(Kind.FORBIDDEN, "forbidden", "Only a superadmin can " + action + ".",
                Map.of());
    }

    public static TenantRuleViolation domainTaken(String domain) {
        return new TenantRuleViolation(Kind.CONFLICT, "domain-taken", "The domain " + domain
                + " is already registered.", Map.of("domain", domain));
    }

    public static TenantRuleViolation domainNotFound(String domain) {
        return new TenantRuleViolation(Kind.NOT_FOUND, "domain-not-found", "The tenant has no domain " + domain + ".",
                Map.of("domain", domain));
    }

    public static TenantRuleViolation verificationFailed(String domain, String check) {
        return new TenantRuleViolation(Kind.CONFLICT, "domain-verification-failed", "The verification record of "
                + domain + " was not found; publish " + check + " and try again.",
                Map.of("domain", domain, "check", check));
    }

    public static TenantRuleViolation userNotFound(String userId) {
        return new TenantRuleViolation(Kind.NOT_FOUND, "user-not-found", "The tenant has no user " + userId + ".",
                Map.of("userId", userId));
    }

    public static TenantRuleViolation invitationNotFound() {
        return new TenantRuleViolation(Kind.NOT_FOUND, "invitation-not-found",
                "The invitation does not exist, or was accepted or expired.", Map.of());
    }

    public static TenantRuleViolation alreadyMember(String email) {
        return new TenantRuleViolation(Kind.CONFLICT, "already-member", email + " is already a member.",
                Map.of("email", email));
    }

    public static TenantRuleViolation alreadyInvited(String email) {
        return new TenantRuleViolation(Kind.CONFLICT, "already-invited", email
                + " already has a pending invitation; it can be invited again once that one expired.",
                Map.of("email", email));
    }

    public static TenantRuleViolation lastOwner() {
        return new TenantRuleViolation(Kind.CONFLICT, "last-owner", "The tenant's last owner can be neither removed "
                + "nor demoted; make another member an owner first.", Map.of());
    }

    public static TenantRuleViolation roleNotManageable(Role actor, Role target) {
        String who = actor == null ? "This caller" : "The role " + actor;
        return new TenantRuleViolation(Kind.FORBIDDEN, "forbidden", who + " may not invite, change or remove "
                + target + " users.", Map.of("role", target.name()));
    }

    /** The same problem as a usage report refused by its limit; nothing was changed. */
    public static TenantRuleViolation limitExceeded(Resource resource, Quota limit, long current, long requested) {
        return new TenantRuleViolation(Kind.CONFLICT, "limit-exceeded",
                LimitRefusal.message(resource, limit, current, requested),
                LimitRefusal.members(resource, limit, current, requested, false));
    }

    /** Invalid input, one message per field; the API lists them as {@code errors[]} like any other 400. */
    public static TenantRuleViolation invalid(Map<String, String> messagesByField) {
        List<Map<String, String>> errors = messagesByField.entrySet().stream().map(e -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", e.getKey());
            error.put("message", e.getValue());
            return error;
        }).toList();
        return new TenantRuleViolation(Kind.INVALID, "validation-failed",
                "Invalid fields: " + String.join(", ", messagesByField.keySet()), Map.of("errors", errors));
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
