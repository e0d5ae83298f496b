package dev.tenancy.query.impersonation;

import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.query.tenant.TenantReads;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who has acted as the current tenant's owner: its owners and admins see it, as do superadmins naming the tenant. */
@RestController
@RequestMapping("/api/v1/tenants/current")
@RequiresRole({Role.OWNER, Role.ADMIN, Role.SUPERADMIN})
public class ImpersonationsController {

    private final ImpersonationStore store;

    public ImpersonationsController(ImpersonationStore store) {
        this.store = store;
    }

    @GetMapping("/impersonations")
    @Operation(summary = "Superadmins who acted as the current tenant's owner", description = "The latest "
            + ImpersonationStore.NEWEST + " impersonations, newest first: superadminId, reason, startedAt and "
            + "expiresAt of each token. A tenant can forbid impersonation with compliance.allowImpersonation.")
    public ImpersonationsView impersonations() {
        return new ImpersonationsView(store.newestOf(TenantId.of(TenantReads.currentTenantId())));
    }
}
