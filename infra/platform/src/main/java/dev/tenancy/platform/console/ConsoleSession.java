package dev.tenancy.platform.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The web console's session: the same access and refresh tokens as any API client, kept in HttpOnly cookies so the
 * console's scripts never hold them. A cookie travels with every request the browser makes, including requests a
 * hostile page triggers, so a cookie alone authorises only safe methods: a change must also carry
 * {@code X-Requested-With: tenancy-console}, a header no other site can add without a CORS preflight we never grant
 * (the OWASP custom-header defence), on top of {@code SameSite=Strict}.
 */
public final class ConsoleSession {

    /** The access token. */
    public static final String ACCESS_COOKIE = "tp_session";
    /** The refresh token; sent only to the session routes. */
    public static final String REFRESH_COOKIE = "tp_refresh";
    /** A superadmin's own access token, kept while they act as a tenant's owner. */
    public static final String ADMIN_ACCESS_COOKIE = "tp_admin_session";
    /** A superadmin's own refresh token, kept while they act as a tenant's owner. */
    public static final String ADMIN_REFRESH_COOKIE = "tp_admin_refresh";
    public static final String REFRESH_PATH = "/api/v1/auth";
    public static final String HEADER = "X-Requested-With";
    public static final String HEADER_VALUE = "tenancy-console";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private ConsoleSession() {
    }

    /** Whether the request comes from the console's own scripts (and so may change things on a cookie's say-so). */
    public static boolean fromConsole(HttpServletRequest request) {
        return HEADER_VALUE.equals(request.getHeader(HEADER));
    }

    /** Whether a cookie may authenticate this request: safe methods always, changes only from the console. */
    public static boolean cookieAccepted(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod()) || fromConsole(request);
    }

    public static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> name.equals(cookie.getName()))
                .map(Cookie::getValue).filter(value -> value != null && !value.isBlank()).findFirst();
    }

    /** Secure cookies wherever the browser reached us over TLS, directly or through a proxy that says so. */
    public static boolean secure(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-Proto");
        String first = forwarded == null ? null : forwarded.split(",")[0].trim();
        return request.isSecure() || "https".equalsIgnoreCase(first);
    }
}
