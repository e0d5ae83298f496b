package dev.tenancy.platform.ratelimit;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.Authentication;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Clock;
import java.time.Duration;

/**
 * Enforces the tenant's {@code apiCallsPerHour} on calls made by its users and API keys, after tenant resolution
 * (so refused, suspended and unresolved requests are not counted). Calls without a caller (public routes) and
 * calls a superadmin makes, as themselves or impersonating, are neither counted nor limited: support work must not
 * use up or be stopped by the tenant's quota. Counted responses carry the {@code X-RateLimit-*} headers, except
 * for an unlimited quota, which has nothing to announce.
 */
public class ApiRateLimitInterceptor implements HandlerInterceptor {

    /** After the tenant resolution interceptor (100). */
    public static final int ORDER = 200;
    public static final String LIMIT_HEADER = "X-RateLimit-Limit";
    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    public static final String RESET_HEADER = "X-RateLimit-Reset";

    private final ApiCallCounter counter;
    private final TenantLimitsLookup limits;
    private final Clock clock;
    private final TenantLimitsLookup planLimits = new PlanTenantLimits();

    public ApiRateLimitInterceptor(ApiCallCounter counter, TenantLimitsLookup limits, Clock clock) {
        this.counter = counter;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        AuthenticatedUser user = Authentication.user(request).orElse(null);
        TenantRef tenant = CurrentTenant.find(request).orElse(null);
        if (user == null || tenant == null || user.isSuperadmin() || user.actingSuperadmin() != null) {
            return true;
        }
        Quota limit = limits.apiCallsPerHour(tenant).or(() -> planLimits.apiCallsPerHour(tenant))
                .orElseGet(Quota::unlimitedQuota);
        ApiCallDecision decision = counter.acquire(tenant.id(), limit);
        if (limit.unlimited()) {
            return true;
        }
        response.setHeader(LIMIT_HEADER, String.valueOf(limit.max()));
        response.setHeader(REMAINING_HEADER, String.valueOf(decision.remaining()));
        response.setHeader(RESET_HEADER, String.valueOf(decision.resetAt().getEpochSecond()));
        if (decision.allowed()) {
            return true;
        }
        long wait = Math.max(1, (Duration.between(clock.instant(), decision.resetAt()).toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
        throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Tenant '" + tenant.slug() + "' has made its " + limit.max() + " API calls of this hour; calls are "
                        + "accepted again from " + decision.resetAt() + ".")
                .with("limit", limit.max())
                .with("used", decision.used())
                .with("resetAt", decision.resetAt().toString());
    }
}
