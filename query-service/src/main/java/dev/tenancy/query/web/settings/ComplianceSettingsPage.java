package dev.tenancy.query.web.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.user.Role;
import dev.tenancy.api.user.query.UserView;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.Authentication;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.query.tenant.TenantReads;
import dev.tenancy.query.user.UserReads;
import dev.tenancy.query.web.ConsolePage;
import dev.tenancy.query.web.TenantPageSupport;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings, Compliance section: where the tenant's data lives, how long each kind is kept, audit logging,
 * impersonation, and the data processing agreement. Owners and admins change them and accept the DPA in their own
 * name; members read them.
 */
@Controller
@ConsolePage
@PeopleOnly
@AllowedWhenSuspended
@RequiresRole({Role.OWNER, Role.ADMIN, Role.MEMBER})
@Hidden
public class ComplianceSettingsPage {

    static final Map<String, String> REGIONS = regions();
    static final List<String> RETENTION_KINDS = List.of("messages", "contacts", "analytics", "auditLogs");

    private final TenantPageSupport pages;
    private final UserReads users;
    private final ObjectMapper json;
    private final Clock clock;

    public ComplianceSettingsPage(TenantPageSupport pages, UserReads users, ObjectMapper json,
                                  ObjectProvider<Clock> clock) {
        this.pages = pages;
        this.users = users;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/dashboard/tenant/settings/compliance")
    public String compliance(@RequestParam(name = "v", required = false) String version, Model model)
            throws JsonProcessingException {
        TenantDetailsView tenant = pages.prepare(version, model);
        Map<String, Object> compliance = SettingsValues.group(tenant.settings(), "compliance");
        model.addAttribute("compliance", compliance);
        model.addAttribute("retention", SettingsValues.group(compliance, "retentionDays"));
        model.addAttribute("retentionKinds", RETENTION_KINDS);
        model.addAttribute("regions", REGIONS);
        AuthenticatedUser user = Authentication.currentUser();
        boolean mayAccept = user.actingSuperadmin() == null && (user.role() == Role.OWNER || user.role() == Role.ADMIN);
        model.addAttribute("mayAcceptDpa", mayAccept);
        if (mayAccept) {
            model.addAttribute("dpaBody", json.writeValueAsString(dpaAcceptance(tenant.id(), user.userId(),
                    TenantReads.minVersion(version))));
        }
        return "dashboard/settings/compliance";
    }

    /**
     * The acceptance as of now, by the viewer's email (their id if the users model does not list them yet). The time
     * is the server's, when the page showed the agreement: a browser clock ahead of the server's would be refused
     * as "in the future".
     */
    private Map<String, Object> dpaAcceptance(String tenantId, String userId, long minVersion) {
        String who = users.await(tenantId, minVersion).users().stream().filter(u -> u.userId().equals(userId))
                .map(UserView::email).findFirst().orElse(userId);
        Map<String, Object> acceptance = new LinkedHashMap<>();
        acceptance.put("dpaAcceptedAt", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        acceptance.put("dpaAcceptedBy", who);
        return Map.of("compliance", acceptance);
    }

    private static Map<String, String> regions() {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("eu", "European Union (eu)");
        regions.put("us", "United States (us)");
        regions.put("ap", "Asia-Pacific (ap)");
        return regions;
    }
}
