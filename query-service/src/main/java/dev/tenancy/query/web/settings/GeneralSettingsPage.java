package dev.tenancy.query.web.settings;

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

import java.time.ZoneId;
import java.util.List;

/**
 * Settings, General section: timezone, language, currency. Everyone of the tenant sees it; owners and admins
 * change it. A suspended tenant's people still see their settings (and why they are suspended).
 */
@Controller
@ConsolePage
@PeopleOnly
@AllowedWhenSuspended
@RequiresRole({Role.OWNER, Role.ADMIN, Role.MEMBER})
@Hidden
public class GeneralSettingsPage {

    static final List<String> TIMEZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();
    static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "CHF", "JPY", "CNY", "INR", "RUB", "UAH",
            "BRL", "CAD", "AUD", "SGD", "AED", "TRY", "PLN", "SEK", "NOK", "DKK", "KZT");

    private final TenantPageSupport pages;

    public GeneralSettingsPage(TenantPageSupport pages) {
        this.pages = pages;
    }

    @GetMapping("/dashboard/tenant/settings")
    public String general(@RequestParam(name = "v", required = false) String version, Model model) {
        pages.prepare(version, model);
        model.addAttribute("timezones", TIMEZONES);
        model.addAttribute("currencies", CURRENCIES);
        return "dashboard/settings/general";
    }
}
