package dev.tenancy.query.web;

import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.Authentication;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front door: superadmins land on the tenant list, everyone else on their tenant's settings. */
@Controller
@ConsolePage
@PeopleOnly
@AllowedWhenSuspended
@Hidden
public class DashboardPage {

    @GetMapping("/dashboard")
    public String dashboard() {
        AuthenticatedUser user = Authentication.currentUser();
        return user.isSuperadmin() ? "redirect:/dashboard/tenants" : "redirect:/dashboard/tenant/settings";
    }

    /** Any other console address: a page saying so (after sign-in, so it tells strangers nothing). */
    @GetMapping("/dashboard/**")
    public String unknown() {
        throw ApiProblem.notFound("page-not-found", "There is no such page in the console.");
    }
}
