package dev.tenancy.platform.tenant;

import java.util.Locale;
import java.util.Optional;

/**
 * One thing in a request that names a tenant: a subdomain, a custom domain, the {@code X-Tenant-Id} header, the
 * {@code ?tenant=} parameter, or the configured default tenant of single-tenant mode.
 */
public record TenantInput(Kind kind, String value) {

    /** Longer values are no id, slug or domain of ours; they are not worth a lookup. */
    static final int MAX_LENGTH = 253;

    public enum Kind {
        SUBDOMAIN("subdomain", "subdomain"),
        DOMAIN("custom domain", "domain"),
        HEADER("header X-Tenant-Id", "header"),
        PARAMETER("query parameter tenant", "parameter"),
        DEFAULT("default tenant slug", "default");

        private final String label;
        private final String via;

        Kind(String label, String via) {
            this.label = label;
            this.via = via;
        }

        /** The short name used in logs and metric tags. */
        public String via() {
            return via;
        }
    }

    /** What was tried, as listed in a problem's {@code tried} member, e.g. {@code header X-Tenant-Id=acme}. */
    public String describe() {
        return kind.label + "=" + value;
    }

    public Optional<TenantRef> lookup(TenantDirectory directory) {
        if (value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case SUBDOMAIN, DEFAULT -> directory.findBySlug(lower);
            case DOMAIN -> directory.findByVerifiedDomain(lower);
            case HEADER, PARAMETER -> directory.findById(value).or(() -> directory.findBySlug(lower));
        };
    }

    /** Whether this input names the tenant without the directory's help, as an id or a slug. */
    boolean literallyNames(String tenantId) {
        return (kind == Kind.HEADER || kind == Kind.PARAMETER) && value.equals(tenantId);
    }
}
