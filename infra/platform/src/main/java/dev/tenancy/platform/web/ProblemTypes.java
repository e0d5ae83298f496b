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
            Map.entry("invalid-credentials", "401: email, password or tenant do not match (or the current "
                    + "password, when changing it)"),
            Map.entry("invalid-mfa-code", "401: the authenticator or recovery code is wrong or was already used"),
            Map.entry("invalid-refresh-token", "401: the refresh token is unknown, expired or revoked; sign in again"),
            Map.entry("refresh-token-reused", "401: the refresh token was already used; its whole session is "
                    + "revoked, sign in again"),
            Map.entry("two-factor-required", "403: the tenant requires a second factor and this sign-in has none"),
            Map.entry("two-factor-already-enabled", "409: the second factor is on; disable it before enrolling "
                    + "again"),
            Map.entry("two-factor-not-pending", "409: there is no enrollment to confirm; enroll first"),
            Map.entry("two-factor-not-enabled", "409: the second factor is not on"),
            Map.entry("too-many-attempts", "429: too many failed sign-in checks for this account; Retry-After says "
                    + "when to try again"),
            Map.entry("forbidden", "403: the caller's role may not do this"),
            Map.entry("tenant-mismatch", "403: a header, host or parameter names another tenant than the token"),
            Map.entry("tenant-suspended", "403: the tenant is suspended; 'reason' says why. Only routes allowed "
                    + "while suspended answer"),
            Map.entry("feature-not-available", "403: the tenant's plan lacks 'feature'; 'plan' is the tenant's, "
                    + "'requiredPlan' the lowest plan that has it"),
            Map.entry("insufficient-scope", "403: the API key lacks the scope the call needs; 'requiredScope' "
                    + "names it, 'acceptedScopes' every scope that would do"),
            Map.entry("api-key-not-found", "404: the tenant has no active API key with this id"),
            Map.entry("api-key-name-taken", "409: another active API key of the tenant has this name"),
            Map.entry("api-key-limit-reached", "409: the tenant has as many active API keys as allowed ('limit'); "
                    + "revoke one first"),
            Map.entry("aggregate-not-found", "404: the aggregate had no events by the sequence number or instant "
                    + "asked for (time travel)"),
            Map.entry("too-many-streams", "503: too many live event streams are open; retry later"),
            Map.entry("ip-not-allowed", "403: the caller's address is not on the tenant's allow list"),
            Map.entry("ip-allow-list-excludes-caller", "400: the new IP allow-list would lock out the caller's own "
                    + "address; include it, or have a superadmin set the list"),
            Map.entry("impersonation-not-allowed", "403: the tenant's compliance settings forbid impersonation"),
            Map.entry("no-owner", "409: the tenant has no owner to act as"),
            Map.entry("not-found", "404: no such route or resource"),
            Map.entry("tenant-not-found", "404: the tenant does not exist or is deleted"),
            Map.entry("method-not-allowed", "405: the route does not accept this HTTP method"),
            Map.entry("domain-not-found", "404: the tenant has no such custom domain"),
            Map.entry("user-not-found", "404: the tenant has no such user"),
            Map.entry("invitation-not-found", "404: no invitation has this token or id"),
            Map.entry("invitation-used", "410: the invitation was accepted already"),
            Map.entry("invitation-expired", "410: the invitation expired; ask for a new one"),
            Map.entry("already-member", "409: the email is already a member of the tenant"),
            Map.entry("already-invited", "409: the email already has a pending invitation"),
            Map.entry("last-owner", "409: the tenant's last owner can be neither removed nor demoted"),
            Map.entry("slug-taken", "409: another tenant already uses this slug"),
            Map.entry("invalid-status-transition", "409: the tenant's status does not allow this change"),
            Map.entry("domain-taken", "409: another tenant already registered this domain"),
            Map.entry("domain-verification-failed", "409: the domain's DNS does not carry the verification token"),
            Map.entry("concurrent-modification", "409: another change won the race; retry"),
            Map.entry("processing-timeout", "503: cut off at the service's time limit; it may or may not have "
                    + "taken effect: retry (with the same idempotency key)"),
            Map.entry("unsupported-media-type", "415: send application/json"),
            Map.entry("limit-exceeded", "409: the usage report or invitation would pass the tenant's limit; "
                    + "nothing was counted; 'resource', 'limit', 'current', 'requested'"),
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
