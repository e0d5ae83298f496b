package dev.tenancy.platform.security;

import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces a tenant's {@code twoFactorRequired}: its users whose sign-in passed no second factor get only the routes
 * marked {@link AllowedWithoutSecondFactor}. API keys are machines with their own scopes, and superadmins (also when
 * impersonating) answer to the platform's rules, not the tenant's, so neither is held to it. Runs after tenant
 * resolution, which tells whose rules apply.
 */
public class SecondFactorInterceptor implements HandlerInterceptor {

    public static final int ORDER = 110;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        AuthenticatedUser user = Authentication.user(request).orElse(null);
        if (user == null || user.isApiKey() || user.isSuperadmin() || user.actingSuperadmin() != null
                || user.secondFactor()) {
            return true;
        }
        TenantRef tenant = CurrentTenant.find(request).orElse(null);
        if (tenant == null || !tenant.security().twoFactorRequired() || allowed(method)) {
            return true;
        }
        throw new ApiProblem(HttpStatus.FORBIDDEN, "two-factor-required", "Second factor required",
                "Tenant '" + tenant.slug() + "' requires a second factor: set one up (POST /api/v1/auth/2fa/enroll, "
                        + "then /api/v1/auth/2fa/confirm) or sign in again with your authenticator code.");
    }

    /** Public routes need no identity at all, so they cannot need a second factor either. */
    private static boolean allowed(HandlerMethod method) {
        return annotated(method, AllowedWithoutSecondFactor.class) || annotated(method, PublicEndpoint.class);
    }

    private static boolean annotated(HandlerMethod method, Class<? extends java.lang.annotation.Annotation> type) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), type)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), type);
    }
}
