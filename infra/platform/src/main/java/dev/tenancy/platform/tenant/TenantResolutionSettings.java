package dev.tenancy.platform.tenant;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How requests are mapped to tenants.
 *
 * @param baseDomain         tenants live on {@code <slug>.<baseDomain>}; any other host with a dot is looked up as a
 *                           verified custom domain ({@code tenancy.base-domain}, env {@code BASE_DOMAIN})
 * @param platformSubdomains subdomains of the base domain that belong to the platform itself (the API host, the
 *                           marketing site) and so name no tenant ({@code tenancy.platform-subdomains})
 * @param multiTenant        false: every request belongs to {@code defaultTenantSlug} ({@code tenancy.multi-tenant},
 *                           env {@code ENABLE_MULTI_TENANT})
 * @param defaultTenantSlug  the one tenant of single-tenant mode ({@code tenancy.default-tenant-slug}, env
 *                           {@code DEFAULT_TENANT_SLUG})
 * @param debug              log every resolution decision at INFO ({@code tenancy.tenant-debug}, env
 *                           {@code TENANT_DEBUG})
 */
public record TenantResolutionSettings(String baseDomain, Set<String> platformSubdomains, boolean multiTenant,
                                       String defaultTenantSlug, boolean debug) {

    public TenantResolutionSettings {
        baseDomain = RequestHost.normalize(baseDomain == null || baseDomain.isBlank() ? "localhost" : baseDomain);
        platformSubdomains = platformSubdomains == null ? Set.of() : platformSubdomains.stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        defaultTenantSlug = defaultTenantSlug == null || defaultTenantSlug.isBlank() ? "default"
                : defaultTenantSlug.trim();
    }

    public static TenantResolutionSettings of(String baseDomain, List<String> platformSubdomains, boolean multiTenant,
                                              String defaultTenantSlug, boolean debug) {
        return new TenantResolutionSettings(baseDomain, Set.copyOf(platformSubdomains), multiTenant,
                defaultTenantSlug, debug);
    }
}
