package dev.tenancy.platform.context;

import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.platform.apikey.ApiKeyAuthenticator;
import dev.tenancy.platform.apikey.ApiKeyFormat;
import dev.tenancy.platform.console.ConsoleSession;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.Authentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Establishes the {@link CallContext} of an HTTP request: request and correlation ids (taken from the caller when
 * well-formed, generated otherwise), client address, and the verified caller: the bearer of an access token, or an
 * API key sent as {@code X-API-Key: <key>} or {@code Authorization: Bearer tpk_...}, or, without either header, the
 * web console's session cookie ({@link ConsoleSession}).
 */
public class CallContextFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    public static final String API_KEY_HEADER = "X-API-Key";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final AccessTokens tokens;
    private final ClientAddressResolver addresses;
    private final String serviceName;
    private final ApiKeyAuthenticator apiKeys;

    public CallContextFilter(AccessTokens tokens, ClientAddressResolver addresses, String serviceName) {
        this(tokens, addresses, serviceName, null);
    }

    /** {@code apiKeys} may be null: then every API key is rejected. */
    public CallContextFilter(AccessTokens tokens, ClientAddressResolver addresses, String serviceName,
                             ApiKeyAuthenticator apiKeys) {
        this.tokens = tokens;
        this.addresses = addresses;
        this.serviceName = serviceName;
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = idOrNew(request.getHeader(REQUEST_ID_HEADER));
        String correlationId = idOrNew(request.getHeader(CORRELATION_ID_HEADER));
        CallContext context = new CallContext(null, null, null, null, correlationId, requestId,
                addresses.resolve(request), null);
        String authorization = request.getHeader("Authorization");
        String bearer = singleHeader(request, "Authorization") ? bearerToken(authorization) : null;
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey != null && authorization != null) {
            Authentication.reject(request, "send either Authorization or " + API_KEY_HEADER + ", not both");
        } else if (apiKey != null || ApiKeyFormat.looksLikeKey(bearer)) {
            context = withApiKey(request, context, apiKey != null ? apiKey.trim() : bearer);
        } else if (authorization != null && bearer == null) {
            Authentication.reject(request, "malformed Authorization header");
        } else if (bearer != null) {
            context = withAccessToken(request, context, bearer);
        } else if (authorization == null) {
            Optional<String> cookie = ConsoleSession.cookie(request, ConsoleSession.ACCESS_COOKIE);
            if (cookie.isPresent() && ConsoleSession.cookieAccepted(request)) {
                context = withAccessToken(request, context, cookie.get());
            } else if (cookie.isPresent()) {
                Authentication.reject(request, "a session cookie authorises a change only with the header "
                        + ConsoleSession.HEADER + ": " + ConsoleSession.HEADER_VALUE);
            }
        }
        response.setHeader(REQUEST_ID_HEADER, requestId);
        response.setHeader(CORRELATION_ID_HEADER, correlationId);
        CallContextHolder.set(context);
        CallContextHolder.Mdc.service(serviceName);
        try {
            chain.doFilter(request, response);
        } finally {
            CallContextHolder.clear();
        }
    }

    private CallContext withAccessToken(HttpServletRequest request, CallContext context, String token) {
        AccessTokens.Verification verification = tokens.verify(token);
        if (!verification.isValid()) {
            Authentication.reject(request, verification.failure());
            return context;
        }
        AuthenticatedUser user = verification.user();
        Authentication.accept(request, user);
        return context.withTenant(user.tenantId())
                .withActor(user.userId(), ActorKind.USER, user.role().name(), actingSuperadmin(user));
    }

    /** Any rejected key gets the same failure: which part was wrong is not the caller's business. */
    private CallContext withApiKey(HttpServletRequest request, CallContext context, String presented) {
        Optional<AuthenticatedUser> key = apiKeys == null ? Optional.empty() : apiKeys.authenticate(presented);
        if (key.isEmpty()) {
            Authentication.reject(request, Authentication.API_KEY_REJECTED);
            return context;
        }
        Authentication.accept(request, key.get());
        return context.withTenant(key.get().tenantId())
                .withActor(key.get().userId(), ActorKind.API_KEY, key.get().role().name(), null);
    }

    private static String actingSuperadmin(AuthenticatedUser user) {
        if (user.actingSuperadmin() != null) {
            return user.actingSuperadmin();
        }
        return user.isSuperadmin() ? user.userId() : null;
    }

    /** Two Authorization headers are ambiguous (a proxy may read the other one), so neither is believed. */
    private static boolean singleHeader(HttpServletRequest request, String name) {
        var values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return true;
        }
        values.nextElement();
        return !values.hasMoreElements();
    }

    private static String bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static String idOrNew(String candidate) {
        return candidate != null && SAFE_ID.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
