package dev.tenancy.query.web.settings;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.PlanTerms;
import dev.tenancy.api.tenant.query.BrandingView;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.query.web.ConsolePage;
import dev.tenancy.query.web.TenantPageSupport;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings, Branding section: logo, colors and custom CSS with a live preview, for tenants whose plan includes
 * white-label branding. Any other tenant sees which plan has it and what it costs, not a form that could only be
 * refused.
 */
@Controller
@ConsolePage
@PeopleOnly
@AllowedWhenSuspended
@RequiresRole({Role.OWNER, Role.ADMIN, Role.MEMBER})
@Hidden
public class BrandingSettingsPage {

    private static final BrandingView UNSET = new BrandingView(null, null, null, null, false);

    private final TenantPageSupport pages;

    public BrandingSettingsPage(TenantPageSupport pages) {
        this.pages = pages;
    }

    @GetMapping("/dashboard/tenant/settings/branding")
    public String branding(@RequestParam(name = "v", required = false) String version, Model model) {
        TenantDetailsView tenant = pages.prepare(version, model);
        boolean available = tenant.features().contains(Feature.WHITE_LABEL);
        model.addAttribute("whiteLabel", available);
        model.addAttribute("branding", tenant.branding() == null ? UNSET : tenant.branding());
        if (!available) {
            Plan needed = PlanCatalog.lowestPlanWith(Feature.WHITE_LABEL);
            model.addAttribute("currentTerms", PlanCatalog.terms(tenant.plan()));
            model.addAttribute("neededTerms", PlanCatalog.terms(needed));
            model.addAttribute("neededPrice", price(PlanCatalog.terms(needed)));
            model.addAttribute("currentPrice", price(PlanCatalog.terms(tenant.plan())));
        }
        return "dashboard/settings/branding";
    }

    static String price(PlanTerms terms) {
        return terms.customPricing() ? "custom pricing (agreed with sales)"
                : "$" + terms.monthlyPriceUsd().toPlainString() + " per month";
    }
}
