package dev.tenancy.query.web.settings;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.user.Role;
import dev.tenancy.api.usage.query.QuotaUsageView;
import dev.tenancy.api.usage.query.TenantUsageView;
import dev.tenancy.api.usage.query.UsageHistoryView;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.query.usage.CurrentUsageController;
import dev.tenancy.query.web.ConsolePage;
import dev.tenancy.query.web.TenantPageSupport;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Settings, Usage section: every resource against its limit and one resource's days this period. It reads through
 * the REST routes' own handlers, so the page and {@code GET /api/v1/tenants/current/usage} never disagree and the
 * chart's resource is validated the same way. A suspended tenant still sees where it stands.
 */
@Controller
@ConsolePage
@PeopleOnly
@AllowedWhenSuspended
@RequiresRole({Role.OWNER, Role.ADMIN, Role.MEMBER})
@Hidden
public class UsagePage {

    static final String DEFAULT_CHART = Resource.MESSAGES_PER_MONTH.key();
    static final int MAX_DAYS = 366;
    static final List<String> CHARTABLE = Arrays.stream(Resource.values())
            .filter(resource -> resource != Resource.CUSTOM_INTEGRATIONS).map(Resource::key).toList();

    private final TenantPageSupport pages;
    private final CurrentUsageController usage;
    private final Clock clock;

    public UsagePage(TenantPageSupport pages, CurrentUsageController usage, ObjectProvider<Clock> clock) {
        this.pages = pages;
        this.usage = usage;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/dashboard/tenant/settings/usage")
    public String usage(@RequestParam(name = "v", required = false) String version,
                        @RequestParam(name = "resource", required = false) String resource, Model model) {
        TenantDetailsView tenant = pages.prepare(version, model);
        TenantUsageView current = usage.usage(version);
        String charted = resource == null || resource.isBlank() ? DEFAULT_CHART : resource.trim();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = periodStart(current, today);
        UsageHistoryView history;
        try {
            history = usage.history(charted, first.toString(), today.toString(), version);
        } catch (ApiProblem refused) {
            throw PageProblems.withReasons(refused);
        }
        model.addAttribute("rows", current.resources().stream().map(UsageRow::of).toList());
        model.addAttribute("chart", UsageChart.of(history, today));
        model.addAttribute("chartable", CHARTABLE.stream().map(key -> new Choice(key, UsageRow.label(key))).toList());
        model.addAttribute("times", TenantTimes.of(tenant));
        return "dashboard/settings/usage";
    }

    /** The first day of the monthly period (messagesPerMonth's), at most a year back. */
    static LocalDate periodStart(TenantUsageView current, LocalDate today) {
        LocalDate earliest = today.minusDays(MAX_DAYS - 1);
        return current.resources().stream()
                .filter(entry -> entry.resource().equals(Resource.MESSAGES_PER_MONTH.key()))
                .filter(QuotaUsageView.class::isInstance).map(QuotaUsageView.class::cast)
                .map(QuotaUsageView::periodStart).filter(start -> start != null)
                .map(start -> LocalDate.ofInstant(start, ZoneOffset.UTC))
                .filter(start -> !start.isAfter(today))
                .findFirst().map(start -> start.isBefore(earliest) ? earliest : start)
                .orElse(today.minusDays(29));
    }

    public record Choice(String value, String label) {
    }
}
