package dev.tenancy.platform.apikey;

import dev.tenancy.api.apikey.ApiKeyScopes;
import dev.tenancy.api.plan.Feature;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.Authentication;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.FeatureGuard;
import dev.tenancy.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;

/**
 * What an API key may do, checked after tenant resolution (so the key's tenant is known and a key naming another
 * tenant was already refused) and before rate limiting (so a refused call is not counted): the key's tenant must
 * still have {@link Feature#API_ACCESS} (a downgrade to Free stops every key at once), the route must not be
 * {@link PeopleOnly}, and the key must hold the scope of the method or the route's {@link AcceptsKeyScope}.
 * Calls by people pass untouched.
 */
public class ApiKeyRulesInterceptor implements HandlerInterceptor {

    /** Between tenant resolution (100) and rate limiting (200). */
    public static final int ORDER = 150;
    private static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        AuthenticatedUser caller = Authentication.user(request).orElse(null);
        if (!(handler instanceof HandlerMethod method) || caller == null || !caller.isApiKey()) {
            return true;
        }
        CurrentTenant.find(request).ifPresent(tenant -> FeatureGuard.require(tenant, Feature.API_ACCESS));
        if (annotated(method, PeopleOnly.class) != null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "API keys cannot call this route; a person must sign in.");
        }
        String needed = READING_METHODS.contains(request.getMethod()) ? ApiKeyScopes.READ : ApiKeyScopes.WRITE;
        AcceptsKeyScope alternative = annotated(method, AcceptsKeyScope.class);
        if (caller.scopes().contains(needed)
                || alternative != null && caller.scopes().contains(alternative.value())) {
            return true;
        }
        List<String> accepted = alternative == null ? List.of(needed) : List.of(alternative.value(), needed);
        throw new ApiProblem(HttpStatus.FORBIDDEN, "insufficient-scope", "Insufficient scope",
                "This API key lacks the scope this call needs: " + String.join(" or ", accepted) + ".")
                .with("requiredScope", accepted.get(0))
                .with("acceptedScopes", accepted)
                .with("scopes", caller.scopes().stream().sorted().toList());
    }

    private static <A extends Annotation> A annotated(HandlerMethod method, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
    }
}
