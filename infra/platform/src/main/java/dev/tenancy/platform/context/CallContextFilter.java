package dev.tenancy.platform.context;

import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.Authentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Establishes the {@link CallContext} of an HTTP request: request and correlation ids (taken from the caller when
 * well-formed, generated otherwise), client address, and the verified access token's bearer.
 */
public class CallContextFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final AccessTokens tokens;
    private final ClientAddressResolver addresses;
    private final String serviceName;

    public CallContextFilter(AccessTokens tokens, ClientAddressResolver addresses, String serviceName) {
        this.tokens = tokens;
        this.addresses = addresses;
        this.serviceName = serviceName;
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
        if (authorization != null && bearer == null) {
            Authentication.reject(request, "malformed Authorization header");
        } else if (bearer != null) {
            AccessTokens.Verification verification = tokens.verify(bearer);
            if (verification.isValid()) {
                AuthenticatedUser user = verification.user();
                Authentication.accept(request, user);
                context = context.withTenant(user.tenantId())
                        .withActor(user.userId(), ActorKind.USER, user.role().name(), actingSuperadmin(user));
            } else {
                Authentication.reject(request, verification.failure());
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
