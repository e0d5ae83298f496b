package dev.tenancy.platform.tenant;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of resolving one request: the tenant (null when nothing named one, or only a token or the default
 * tenant did and the directory does not know it yet), how it was found ({@code token}, {@code subdomain},
 * {@code domain}, {@code header}, {@code parameter} or {@code default}), and everything that was tried.
 */
public record TenantResolution(TenantRef tenant, String method, List<String> tried) {

    public TenantResolution {
        tried = List.copyOf(tried);
    }

    public Optional<TenantRef> found() {
        return Optional.ofNullable(tenant);
    }
}
