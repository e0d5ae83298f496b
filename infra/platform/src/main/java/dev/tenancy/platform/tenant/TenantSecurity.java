package dev.tenancy.platform.tenant;

import java.util.List;

/**
 * The tenant's security settings that every request is checked against: the CIDR allow-list (empty: any address),
 * whether its users must have a second factor, and whether superadmins may impersonate its owner.
 */
public record TenantSecurity(List<String> ipAllowList, boolean twoFactorRequired, boolean impersonationAllowed) {

    public TenantSecurity {
        ipAllowList = ipAllowList == null ? List.of() : List.copyOf(ipAllowList);
    }

    /** The defaults of a new tenant's settings. */
    public static TenantSecurity defaults() {
        return new TenantSecurity(List.of(), false, true);
    }
}
