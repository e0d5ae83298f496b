package dev.tenancy.query.web.tenants;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.query.web.ConsolePage;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One tenant, for superadmins: what {@code GET /api/v1/tenants/{id}} answers plus its usage, with the forms that
 * send the superadmin's changes to the API. After a change the page comes back with {@code ?v=} and waits for the
 * read model to show it. A deleted tenant is shown read-only.
 */
@Controller
@ConsolePage
@PeopleOnly
@RequiresRole(Role.SUPERADMIN)
@Hidden
public class TenantDetailPage {

    private final TenantDetailReads reads;

    public TenantDetailPage(TenantDetailReads reads) {
        this.reads = reads;
    }

    @GetMapping("/dashboard/tenants/{id}")
    public String tenant(@PathVariable String id, @RequestParam(name = "v", required = false) String version,
                         Model model) {
        TenantDetailsView tenant = reads.await(id, PageProblems.minVersion(version));
        boolean deleted = tenant.status() == TenantStatus.DELETED;
        model.addAttribute("tenant", tenant);
        model.addAttribute("deleted", deleted);
        model.addAttribute("suspended", tenant.status() == TenantStatus.SUSPENDED);
        model.addAttribute("api", "/api/v1/tenants/" + tenant.id());
        model.addAttribute("limitRows", LimitRow.of(tenant, deleted ? null : reads.usage(tenant.id())));
        model.addAttribute("featureRows", FeatureRow.of(tenant));
        model.addAttribute("settingRows", SettingRow.of(tenant.settings()));
        model.addAttribute("plans", Plan.values());
        model.addAttribute("time", ConsoleTime.FORMAT);
        return "dashboard/tenants/detail";
    }
}
