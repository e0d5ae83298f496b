package dev.tenancy.command.settings;

import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import dev.tenancy.platform.security.IpAllowList;
import dev.tenancy.platform.tenant.TenantSecuritySettings;
import dev.tenancy.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * Refuses an IP allow-list that would shut out the very caller saving it: they would lose access with their next
 * request, and so would everyone else behind the same address. Superadmins (also while impersonating) are not bound
 * by allow-lists, so they may set any list, including for a tenant locked out by a change of network.
 */
final class AllowListSelfLockout {

    private AllowListSelfLockout() {
    }

    static void check(Map<String, Object> values) {
        if (!(values.get(TenantSecuritySettings.IP_ALLOW_LIST) instanceof List<?> entries) || entries.isEmpty()) {
            return;
        }
        CallContext caller = CallContextHolder.current().orElse(null);
        if (caller == null || caller.isSuperadmin()) {
            return;
        }
        String address = caller.clientIp();
        if (IpAllowList.of(entries.stream().map(String::valueOf).toList()).permits(address)) {
            return;
        }
        String message = "security.ipAllowList does not include your current address "
                + (address == null ? "(unknown)" : address) + "; saving it would lock you out";
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "ip-allow-list-excludes-caller", "Allow-list excludes you",
                message + ". Include your address, or have a superadmin set the list.")
                .with("errors", List.of(Map.of("field", TenantSecuritySettings.IP_ALLOW_LIST, "message", message)));
    }
}
