package dev.tenancy.command.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a custom domain may be: a DNS host name of at least two labels (letters, digits, inner hyphens; 63
 * characters a label, 253 in all), not an IP address and not the platform's own base domain or one of its
 * subdomains, which belong to tenants' slugs.
 */
public final class DomainPolicy {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("\\d+");

    private DomainPolicy() {
    }

    /** Lower case, without surrounding blanks or a trailing dot: the form domains are stored and compared in. */
    public static String normalize(String domain) {
        String value = domain.trim().toLowerCase(Locale.ROOT);
        return value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    }

    /** Why the (normalized) domain is not acceptable, or empty when it is. */
    public static Optional<String> violation(String domain, String baseDomain) {
        if (domain == null || domain.isBlank()) {
            return Optional.of("domain is required");
        }
        if (domain.length() > 253) {
            return Optional.of("domain must be at most 253 characters");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("domain must have at least two labels, e.g. app.example.com");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("domain must be a host name: labels of 1-63 letters, digits or inner hyphens");
            }
        }
        if (NUMERIC.matcher(labels[labels.length - 1]).matches()) {
            return Optional.of("domain must be a host name, not an IP address");
        }
        String base = normalize(baseDomain);
        if (domain.equals(base) || domain.endsWith("." + base)) {
            return Optional.of("domain must not be the platform's own domain " + base + " or under it");
        }
        return Optional.empty();
    }
}
