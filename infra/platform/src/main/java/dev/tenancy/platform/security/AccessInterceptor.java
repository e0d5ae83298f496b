package dev.tenancy.platform.security;

import dev.tenancy.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Arrays;

/** Enforces {@link PublicEndpoint} and {@link RequiresRole} before a handler runs. */
public class AccessInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || annotated(method, PublicEndpoint.class) != null) {
            return true;
        }
        AuthenticatedUser user = Authentication.user(request).orElseThrow(() -> unauthenticated(request));
        RequiresRole required = annotated(method, RequiresRole.class);
        if (required != null && Arrays.stream(required.value()).noneMatch(role -> role == user.role())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "This action needs one of the roles " + Arrays.toString(required.value()));
        }
        return true;
    }

    private static ApiProblem unauthenticated(HttpServletRequest request) {
        String reason = Authentication.failure(request)
                .map(failure -> Authentication.API_KEY_REJECTED.equals(failure) ? "The API key was rejected."
                        : "The access token was rejected (" + failure + ").")
                .orElse("An access token or API key is required: send 'Authorization: Bearer <token>' or "
                        + "'X-API-Key: <key>'.");
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", reason);
    }

    private static <A extends java.lang.annotation.Annotation> A annotated(HandlerMethod method, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
    }
}
