package dev.tenancy.platform.tenant;

import dev.tenancy.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;
import java.util.Optional;

/** The tenant the current request was resolved to (see {@code TenantResolutionInterceptor}). */
public final class CurrentTenant {

    static final String ATTRIBUTE = CurrentTenant.class.getName();
    static final String TRIED_ATTRIBUTE = CurrentTenant.class.getName() + ".tried";

    private CurrentTenant() {
    }

    public static void set(HttpServletRequest request, TenantRef tenant) {
        request.setAttribute(ATTRIBUTE, tenant);
    }

    public static void tried(HttpServletRequest request, List<String> tried) {
        request.setAttribute(TRIED_ATTRIBUTE, List.copyOf(tried));
    }

    public static Optional<TenantRef> find() {
        return find(request());
    }

    public static Optional<TenantRef> find(HttpServletRequest request) {
        return Optional.ofNullable((TenantRef) request.getAttribute(ATTRIBUTE));
    }

    /** The resolved tenant, or 404 tenant-not-found saying what was tried. */
    public static TenantRef get() {
        return get(request());
    }

    /** Like {@link #get()}, for code that holds the request (interceptors, filters). */
    @SuppressWarnings("unchecked")
    public static TenantRef get(HttpServletRequest request) {
        return find(request).orElseThrow(() -> {
            List<String> tried = (List<String>) request.getAttribute(TRIED_ATTRIBUTE);
            return ApiProblem.notFound("tenant-not-found", "No tenant could be resolved for this request. Name "
                    + "one by subdomain, verified custom domain, X-Tenant-Id header (id or slug) or ?tenant=.")
                    .with("tried", tried == null ? List.of() : tried);
        });
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
