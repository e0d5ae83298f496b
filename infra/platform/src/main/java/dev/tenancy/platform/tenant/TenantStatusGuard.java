package dev.tenancy.platform.tenant;

import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

/**
 * What a tenant's status allows. A deleted tenant is gone for everyone (but superadmins on the few routes
 * {@link DeletedTenantVisibleToSuperadmins} marks); a suspended one keeps only the routes marked
 * {@link AllowedWhenSuspended}, except for superadmins, who must be able to look into it and reactivate it.
 */
public final class TenantStatusGuard {

    private TenantStatusGuard() {
    }

    public static void check(TenantRef tenant, HandlerMethod handler, boolean superadmin, List<String> tried) {
        if (tenant.status() == TenantStatus.DELETED
                && !(superadmin && HandlerAnnotations.find(handler, DeletedTenantVisibleToSuperadmins.class) != null)) {
            throw ApiProblem.notFound("tenant-not-found", "Tenant '" + tenant.slug() + "' has been deleted.")
                    .with("tried", List.copyOf(tried));
        }
        if (tenant.status() == TenantStatus.SUSPENDED && !superadmin
                && HandlerAnnotations.find(handler, AllowedWhenSuspended.class) == null) {
            String reason = tenant.statusReason() == null || tenant.statusReason().isBlank() ? "no reason given"
                    : tenant.statusReason();
            throw new ApiProblem(HttpStatus.FORBIDDEN, "tenant-suspended", "Tenant suspended",
                    "Tenant '" + tenant.slug() + "' is suspended (" + reason + "); only signing in and reading its "
                            + "status are possible until a superadmin reactivates it.")
                    .with("reason", reason);
        }
    }
}
