package dev.tenancy.platform.tenant;

import dev.tenancy.platform.context.CallContextHolder;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.Authentication;
import dev.tenancy.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves the request's tenant (after the access interceptor, so the caller is known), makes it the
 * {@link CurrentTenant} and the call context's tenant, then enforces its status and the route's
 * {@link RequiresFeature}. A service without a {@link TenantDirectory} bean gets none of this.
 */
public class TenantResolutionInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TenantResolutionInterceptor.class);

    private final ObjectProvider<TenantDirectory> directories;
    private final TenantResolver resolver;
    private final boolean debug;

    public TenantResolutionInterceptor(ObjectProvider<TenantDirectory> directories, TenantResolver resolver,
                                       boolean debug) {
        this.directories = directories;
        this.resolver = resolver;
        this.debug = debug;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        TenantDirectory directory = directories.getIfAvailable();
        if (!(handler instanceof HandlerMethod method) || directory == null) {
            return true;
        }
        AuthenticatedUser user = Authentication.user(request).orElse(null);
        TenantResolution resolution;
        try {
            resolution = resolver.resolve(request, user, directory);
        } catch (ApiProblem problem) {
            if (debug) {
                log.info("Tenant resolution for {} {} by {}: refused with {}: {} {}", request.getMethod(),
                        request.getRequestURI(), caller(user), problem.code(), problem.getMessage(),
                        problem.properties());
            }
            throw problem;
        }
        CurrentTenant.tried(request, resolution.tried());
        if (debug) {
            log.info("Tenant resolution for {} {} by {}: tried {}, won by {}, tenant {}", request.getMethod(),
                    request.getRequestURI(), caller(user), resolution.tried(), resolution.method(),
                    resolution.found().map(t -> t.slug() + " (" + t.id() + ", " + t.status() + ")").orElse("none"));
        }
        RequiresFeature required = HandlerAnnotations.find(method, RequiresFeature.class);
        if (resolution.tenant() == null) {
            if (required != null) {
                CurrentTenant.get(request);
            }
            return true;
        }
        TenantRef tenant = resolution.tenant();
        CurrentTenant.set(request, tenant);
        CallContextHolder.current().ifPresent(context -> CallContextHolder.set(context.withTenant(tenant.id())));
        if (user != null && user.isSuperadmin() && user.tenantId() == null) {
            log.info("Superadmin {} acts on tenant {} ({}) via {}", user.userId(), tenant.slug(), tenant.id(),
                    resolution.method());
        }
        TenantStatusGuard.check(tenant, method, isSuperadmin(user), resolution.tried());
        if (required != null) {
            FeatureGuard.require(tenant, required.value());
        }
        return true;
    }

    /** Impersonating superadmins count too: they must see a suspended tenant the way its users cannot. */
    private static boolean isSuperadmin(AuthenticatedUser user) {
        return user != null && (user.isSuperadmin() || user.actingSuperadmin() != null);
    }

    private static String caller(AuthenticatedUser user) {
        if (user == null) {
            return "anonymous caller";
        }
        return user.role() + " " + user.userId() + (user.tenantId() == null ? "" : " of tenant " + user.tenantId());
    }
}
