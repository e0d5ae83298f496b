package dev.tenancy.query.web.settings;

import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.AllowedWithoutSecondFactor;
import dev.tenancy.platform.security.Authentication;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.query.tenant.TenantReads;
import dev.tenancy.query.user.UserReads;
import dev.tenancy.query.web.ConsolePage;
import dev.tenancy.query.web.TenantPageSupport;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * Settings, Security section: the viewer's own authenticator app, password and sessions, and the tenant's security
 * rules (owners and admins change them, members read them). A tenant that requires a second factor lets its people
 * reach this page before they have one, since this is where they set it up; they then see only their own part.
 */
@Controller
@ConsolePage
@PeopleOnly
@AllowedWhenSuspended
@AllowedWithoutSecondFactor
@RequiresRole({Role.OWNER, Role.ADMIN, Role.MEMBER})
@Hidden
public class SecuritySettingsPage {

    private final TenantPageSupport pages;
    private final UserReads users;

    public SecuritySettingsPage(TenantPageSupport pages, UserReads users) {
        this.pages = pages;
        this.users = users;
    }

    @GetMapping("/dashboard/tenant/settings/security")
    public String security(@RequestParam(name = "v", required = false) String version, Model model) {
        TenantDetailsView tenant = pages.prepare(version, model);
        AuthenticatedUser user = Authentication.currentUser();
        boolean impersonating = user.actingSuperadmin() != null;
        Map<String, Object> security = SettingsValues.group(tenant.settings(), "security");
        boolean required = Boolean.TRUE.equals(security.get("twoFactorRequired"));
        model.addAttribute("security", security);
        model.addAttribute("sso", SettingsValues.group(security, "sso"));
        model.addAttribute("allowList", String.join("\n", SettingsValues.list(security.get("ipAllowList"))));
        model.addAttribute("secondFactorOn", !impersonating
                && users.secondFactor(tenant.id(), user.userId(), TenantReads.minVersion(version)));
        model.addAttribute("secondFactorRequired", required);
        model.addAttribute("setupOnly", required && !impersonating && !user.secondFactor());
        return "dashboard/settings/security";
    }
}
