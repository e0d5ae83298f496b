package dev.tenancy.command.identity;

import dev.tenancy.platform.console.ConsoleSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import java.time.Duration;
import java.util.Optional;

/**
 * Puts a session into the console's HttpOnly cookies ({@link ConsoleSession}) when the console asks for it. The
 * console then gets the session's facts in the body but never the tokens, so a script injected into a page could
 * not carry them away.
 */
public final class ConsoleCookies {

    private ConsoleCookies() {
    }

    static LoginResponse open(HttpServletRequest request, HttpServletResponse response, LoginResponse session) {
        boolean secure = ConsoleSession.secure(request);
        set(response, ConsoleSession.ACCESS_COOKIE, session.accessToken(), "/", session.expiresIn(), secure);
        set(response, ConsoleSession.REFRESH_COOKIE, session.refreshToken(), ConsoleSession.REFRESH_PATH,
                session.refreshExpiresIn(), secure);
        return new LoginResponse(null, session.tokenType(), session.expiresIn(), null, session.refreshExpiresIn(),
                session.userId(), session.tenantId(), session.role(), session.mfaRequired());
    }

    /** The superadmin's own session moves aside (readable only by the session routes) until they step back. */
    public static void impersonate(HttpServletRequest request, HttpServletResponse response, String token,
                            long expiresIn) {
        boolean secure = ConsoleSession.secure(request);
        Optional<String> adminAccess = ConsoleSession.cookie(request, ConsoleSession.ACCESS_COOKIE);
        Optional<String> adminRefresh = ConsoleSession.cookie(request, ConsoleSession.REFRESH_COOKIE);
        long refreshAge = Duration.ofDays(1).toSeconds();
        adminAccess.ifPresent(value -> set(response, ConsoleSession.ADMIN_ACCESS_COOKIE, value,
                ConsoleSession.REFRESH_PATH, refreshAge, secure));
        adminRefresh.ifPresent(value -> set(response, ConsoleSession.ADMIN_REFRESH_COOKIE, value,
                ConsoleSession.REFRESH_PATH, refreshAge, secure));
        set(response, ConsoleSession.ACCESS_COOKIE, token, "/", expiresIn, secure);
        set(response, ConsoleSession.REFRESH_COOKIE, "", ConsoleSession.REFRESH_PATH, 0, secure);
    }

    /** Back to the superadmin's own session; false when there is none to go back to. */
    static boolean restoreAdmin(HttpServletRequest request, HttpServletResponse response, long accessTtlSeconds) {
        Optional<String> access = ConsoleSession.cookie(request, ConsoleSession.ADMIN_ACCESS_COOKIE);
        Optional<String> refresh = ConsoleSession.cookie(request, ConsoleSession.ADMIN_REFRESH_COOKIE);
        boolean secure = ConsoleSession.secure(request);
        clearAdmin(response, secure);
        if (access.isEmpty() && refresh.isEmpty()) {
            set(response, ConsoleSession.ACCESS_COOKIE, "", "/", 0, secure);
            return false;
        }
        set(response, ConsoleSession.ACCESS_COOKIE, access.orElse(""), "/", access.isPresent() ? accessTtlSeconds : 0,
                secure);
        refresh.ifPresent(value -> set(response, ConsoleSession.REFRESH_COOKIE, value, ConsoleSession.REFRESH_PATH,
                Duration.ofDays(1).toSeconds(), secure));
        return true;
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        boolean secure = ConsoleSession.secure(request);
        set(response, ConsoleSession.ACCESS_COOKIE, "", "/", 0, secure);
        set(response, ConsoleSession.REFRESH_COOKIE, "", ConsoleSession.REFRESH_PATH, 0, secure);
        clearAdmin(response, secure);
    }

    private static void clearAdmin(HttpServletResponse response, boolean secure) {
        set(response, ConsoleSession.ADMIN_ACCESS_COOKIE, "", ConsoleSession.REFRESH_PATH, 0, secure);
        set(response, ConsoleSession.ADMIN_REFRESH_COOKIE, "", ConsoleSession.REFRESH_PATH, 0, secure);
    }

    private static void set(HttpServletResponse response, String name, String value, String path, long maxAge,
                            boolean secure) {
        ResponseCookie cookie = ResponseCookie.from(name, value).path(path).maxAge(maxAge).httpOnly(true)
                .secure(secure).sameSite("Strict").build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
