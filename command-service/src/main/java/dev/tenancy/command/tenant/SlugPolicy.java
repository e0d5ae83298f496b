package dev.tenancy.command.tenant;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tenant slug may be: it becomes a subdomain, so DNS label rules apply (lowercase letters, digits and inner
 * hyphens, 3 to 63 characters), and names the platform needs for itself are reserved.
 */
public final class SlugPolicy {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]");
    static final Set<String> RESERVED = Set.of("www", "api", "admin", "app", "auth", "login", "signup", "mail",
            "static", "assets", "cdn", "status", "docs", "help", "support", "billing", "dashboard", "console",
            "superadmin", "system", "root", "default", "platform", "tenant", "tenants", "internal", "public");

    private SlugPolicy() {
    }

    /** Why the slug is not acceptable, or empty when it is. */
    public static Optional<String> violation(String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.of("slug is required");
        }
        if (!FORMAT.matcher(slug).matches()) {
            return Optional.of("slug must be 3-63 lowercase letters, digits or hyphens, not starting or ending "
                    + "with a hyphen");
        }
        if (slug.contains("--")) {
            return Optional.of("slug must not contain consecutive hyphens");
        }
        if (RESERVED.contains(slug)) {
            return Optional.of("slug '" + slug + "' is reserved");
        }
        return Optional.empty();
    }

    /**
     * The format rules only: the platform itself may take a reserved name (single-tenant mode's {@code default}
     * tenant); only the system actor, never a signup, gets here.
     */
    public static Optional<String> violationIgnoringReservation(String slug) {
        return violation(slug).filter(reason -> !RESERVED.contains(slug));
    }
}
