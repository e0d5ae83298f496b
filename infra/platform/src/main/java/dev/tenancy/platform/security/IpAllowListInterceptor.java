package dev.tenancy.platform.security;

import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import dev.tenancy.platform.context.ClientAddressResolver;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces the resolved tenant's IP allow-list, after tenant resolution (which has refused callers of other tenants)
 * and before the rate limit (a refused call is not counted). It binds the tenant's own people and API keys only:
 * superadmins, as themselves or impersonating, do support work from wherever they are, and public routes have no
 * caller to bind. The address is the call context's, where {@code X-Forwarded-For} counts only from trusted proxies.
 */
public class IpAllowListInterceptor implements HandlerInterceptor {

    /** After tenant resolution (100), before the rate limit (200). */
    public static final int ORDER = 120;
    private static final Logger log = LoggerFactory.getLogger(IpAllowListInterceptor.class);

    private final ClientAddressResolver addresses;
    /** Parsed lists by tenant id: parsing a long list costs far more than matching it (docs/security-tenant.md). */
    private final Map<String, IpAllowList> parsed = new ConcurrentHashMap<>();

    public IpAllowListInterceptor(ClientAddressResolver addresses) {
        this.addresses = addresses;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        AuthenticatedUser user = Authentication.user(request).orElse(null);
        TenantRef tenant = CurrentTenant.find(request).orElse(null);
        if (tenant == null || !bindsTo(tenant, user)) {
            return true;
        }
        String address = CallContextHolder.current().map(CallContext::clientIp)
                .orElseGet(() -> addresses.resolve(request));
        if (!allowList(tenant).permits(address)) {
            log.warn("Refused {} {} by {} of tenant {} ({}): {} is not on its IP allow-list", request.getMethod(),
                    request.getRequestURI(), user.userId(), tenant.slug(), tenant.id(), address);
            throw refusal(tenant, address);
        }
        return true;
    }

    private IpAllowList allowList(TenantRef tenant) {
        List<String> entries = tenant.security().ipAllowList();
        IpAllowList list = parsed.get(tenant.id());
        if (list == null || !list.entries().equals(entries)) {
            list = IpAllowList.of(entries);
            parsed.put(tenant.id(), list);
        }
        return list;
    }

    /**
     * The check for code that admits a caller outside this interceptor, such as signing in: 403 ip-not-allowed when
     * {@code user} is one the tenant's allow-list binds and {@code clientAddress} is not on it.
     */
    public static void check(TenantRef tenant, AuthenticatedUser user, String clientAddress) {
        if (bindsTo(tenant, user) && !IpAllowList.of(tenant.security().ipAllowList()).permits(clientAddress)) {
            throw refusal(tenant, clientAddress);
        }
    }

    /** The tenant has a list, and the caller is one of its own people or API keys, not a superadmin. */
    public static boolean bindsTo(TenantRef tenant, AuthenticatedUser user) {
        return user != null && !user.isSuperadmin() && user.actingSuperadmin() == null
                && tenant.id().equals(user.tenantId()) && !tenant.security().ipAllowList().isEmpty();
    }

    /** Names the caller's address, which the caller knows anyway, but never the list. */
    private static ApiProblem refusal(TenantRef tenant, String address) {
        String shown = address == null || address.isBlank() ? "an unknown address" : address;
        return new ApiProblem(HttpStatus.FORBIDDEN, "ip-not-allowed", "Address not allowed",
                "Tenant '" + tenant.slug() + "' accepts calls only from the addresses on its IP allow-list; "
                        + shown + " is not one of them.");
    }
}
