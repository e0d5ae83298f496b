package dev.tenancy.query.web.settings;

import dev.tenancy.api.apikey.ApiKeyScopes;
import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.query.apikey.ApiKeysController;
import dev.tenancy.query.user.CurrentUsersController;
import dev.tenancy.query.user.TenantUsersResponse;
import dev.tenancy.query.web.ConsolePage;
import dev.tenancy.query.web.TenantPageSupport;
import dev.tenancy.query.web.Viewer;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * Settings, Users and API keys section. Everyone of the tenant sees who belongs to it; only owners and admins see the
 * API keys (as {@code GET /api/v1/tenants/current/api-keys} allows) and manage either. The lists come from the REST
 * routes' own handlers. Invitation tokens and key secrets never pass through here: the API answers them once, to the
 * browser that asked (users.js shows them).
 */
@Controller
@ConsolePage
@PeopleOnly
@AllowedWhenSuspended
@RequiresRole({Role.OWNER, Role.ADMIN, Role.MEMBER})
@Hidden
public class UsersPage {

    private final TenantPageSupport pages;
    private final CurrentUsersController users;
    private final ApiKeysController apiKeys;

    public UsersPage(TenantPageSupport pages, CurrentUsersController users, ApiKeysController apiKeys) {
        this.pages = pages;
        this.users = users;
        this.apiKeys = apiKeys;
    }

    @GetMapping("/dashboard/tenant/settings/users")
    public String users(@RequestParam(name = "v", required = false) String version, Model model) {
        TenantDetailsView tenant = pages.prepare(version, model);
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        boolean manager = viewer != null && viewer.manager();
        TenantUsersResponse people = users.users(version);
        model.addAttribute("users", people.users());
        model.addAttribute("invitations", people.invitations());
        model.addAttribute("assignableRoles", assignableRoles(viewer));
        model.addAttribute("apiKeys", manager ? apiKeys.list(version).apiKeys() : List.of());
        model.addAttribute("apiAccess", tenant.features() != null && tenant.features().contains(Feature.API_ACCESS));
        model.addAttribute("apiAccessPlan", PlanCatalog.lowestPlanWith(Feature.API_ACCESS).name());
        model.addAttribute("scopes", ApiKeyScopes.ALL);
        model.addAttribute("times", TenantTimes.of(tenant));
        return "dashboard/settings/users";
    }

    /** Only an owner may make someone an owner; the API refuses it to admins anyway, so they are not offered it. */
    static List<Role> assignableRoles(Viewer viewer) {
        return viewer != null && viewer.owner() ? List.of(Role.OWNER, Role.ADMIN, Role.MEMBER)
                : List.of(Role.ADMIN, Role.MEMBER);
    }
}
