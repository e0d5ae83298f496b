package dev.tenancy.platform.web;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/** Every problem code the API answers with, and what it means: listed in the OpenAPI description. */
public final class ProblemTypes {

    private static final Map<String, String> KNOWN = new TreeMap<>(Map.ofEntries(
            Map.entry("validation-failed", "400: a field is missing or invalid; 'errors' names each field"),
            Map.entry("malformed-request", "400: the body is not valid JSON or has a value of the wrong type"),
            Map.entry("unknown-field", "400: the body has a field the API does not know; nothing was changed"),
            Map.entry("unauthenticated", "401: no access token, or the token was rejected"),
            Map.entry("invalid-credentials", "401: email, password or tenant do not match"),
            Map.entry("forbidden", "403: the caller's role may not do this"),
            Map.entry("tenant-mismatch", "403: a header, host or parameter names another tenant than the token"),
            Map.entry("tenant-suspended", "403: the tenant is suspended; 'reason' says why. Only routes allowed "
                    + "while suspended answer"),
            Map.entry("feature-not-available", "403: the tenant's plan lacks 'feature'; 'plan' is the tenant's, "
                    + "'requiredPlan' the lowest plan that has it"),
            Map.entry("ip-not-allowed", "403: the caller's address is not on the tenant's allow list"),
            Map.entry("not-found", "404: no such route or resource"),
            Map.entry("tenant-not-found", "404: the tenant does not exist or is deleted"),
            Map.entry("method-not-allowed", "405: the route does not accept this HTTP method"),
            Map.entry("domain-not-found", "404: the tenant has no such custom domain"),
            Map.entry("slug-taken", "409: another tenant already uses this slug"),
            Map.entry("invalid-status-transition", "409: the tenant's status does not allow this change"),
            Map.entry("domain-taken", "409: another tenant already registered this domain"),
            Map.entry("domain-verification-failed", "409: the domain's DNS does not carry the verification token"),
            Map.entry("concurrent-modification", "409: another change won the race; retry"),
            Map.entry("unsupported-media-type", "415: send application/json"),
            Map.entry("limit-exceeded", "409: the usage report would pass the tenant's limit; nothing was counted; "
                    + "'resource', 'limit', 'current', 'requested'"),
            Map.entry("rate-limited", "429: the tenant used its API calls of this hour; 'limit', 'used', 'resetAt' "
                    + "and Retry-After say when calls are accepted again"),
            Map.entry("projection-not-found", "404: the service has no such projection (processing group)"),
            Map.entry("dead-letter-not-found", "404: nothing is parked in this projection's sequence"),
            Map.entry("rebuild-running", "409: a rebuild of this projection runs already; 'rebuildId' names it"),
            Map.entry("projection-not-rebuildable", "409: the projection does not declare its collections, so it "
                    + "cannot be rebuilt beside its live read model"),
            Map.entry("read-model-lagging", "503: the read model has not caught up yet; retry after Retry-After"),
            Map.entry("internal-error", "500: an unexpected server fault; the correlation id finds it in the logs")));

    private ProblemTypes() {
    }

    public static URI type(String code) {
        return URI.create("/problems/" + code);
    }

    public static Map<String, String> all() {
        return Map.copyOf(KNOWN);
    }
}
