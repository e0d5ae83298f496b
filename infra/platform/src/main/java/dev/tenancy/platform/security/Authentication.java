package dev.tenancy.platform.security;

import dev.tenancy.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;

/** Access to the authenticated caller of the current request, as established by the call context filter. */
public final class Authentication {

    static final String USER_ATTRIBUTE = Authentication.class.getName() + ".user";
    static final String FAILURE_ATTRIBUTE = Authentication.class.getName() + ".failure";
    /** The one reason given for any refused API key: which part was wrong is not the caller's business. */
    public static final String API_KEY_REJECTED = "API key rejected";

    private Authentication() {
    }

    public static void accept(HttpServletRequest request, AuthenticatedUser user) {
        request.setAttribute(USER_ATTRIBUTE, user);
    }

    public static void reject(HttpServletRequest request, String failure) {
        request.setAttribute(FAILURE_ATTRIBUTE, failure);
    }

    public static Optional<AuthenticatedUser> user(HttpServletRequest request) {
        return Optional.ofNullable((AuthenticatedUser) request.getAttribute(USER_ATTRIBUTE));
    }

    static Optional<String> failure(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(FAILURE_ATTRIBUTE));
    }

    /** The caller of the current request; handlers behind the access interceptor always have one. */
    public static AuthenticatedUser currentUser() {
        var attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        return user(attributes.getRequest()).orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED,
                "unauthenticated", "Authentication required", "An access token is required."));
    }
}
