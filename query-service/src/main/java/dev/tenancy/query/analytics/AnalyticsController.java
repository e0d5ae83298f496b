package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The superadmin's analytics across all tenants. Days are UTC days, dated by the events (never by when they were
 * projected), so a rebuild from the event store answers the same.
 */
@RestController
@RequestMapping("/api/v1/admin/analytics")
@RequiresRole(Role.SUPERADMIN)
public class AnalyticsController {

    private static final String FROM = "First UTC day, yyyy-MM-dd; default 29 days before to";
    private static final String TO = "Last UTC day, yyyy-MM-dd; default today, at most 366 days after from; "
            + "days after today are not listed";

    private final TenantAnalytics tenants;
    private final UsageAnalytics usage;
    private final Clock clock;

    public AnalyticsController(TenantAnalytics tenants, UsageAnalytics usage, ObjectProvider<Clock> clock) {
        this.tenants = tenants;
        this.usage = usage;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/tenants")
    @Operation(summary = "Tenants by plan and status per day (superadmin)", description = "For every day of the "
            + "range the tenants at its end: total and byPlan count those not deleted, byStatus every tenant ever "
            + "created. Days without changes carry the day before's counts.")
    public TenantCountsView tenants(@Parameter(description = FROM) @RequestParam(required = false) String from,
                                    @Parameter(description = TO) @RequestParam(required = false) String to) {
        FieldErrors errors = new FieldErrors();
        DateRange range = AnalyticsParameters.range(from, to, today(), errors);
        errors.throwIfAny();
        return tenants.counts(range);
    }

    @GetMapping("/mrr")
    @Operation(summary = "Monthly recurring revenue per day, and now (superadmin)", description = "Active tenants "
            + "at their plan's list price in USD. Suspended tenants are left out (suspendedMrrUsd: revenue on hold), "
            + "deleted ones stop counting, custom-priced (Enterprise) tenants count 0 and are listed as "
            + "customPricedTenants. Days without changes carry the day before's figures.")
    public MrrView mrr(@Parameter(description = FROM) @RequestParam(required = false) String from,
                       @Parameter(description = TO) @RequestParam(required = false) String to) {
        FieldErrors errors = new FieldErrors();
        DateRange range = AnalyticsParameters.range(from, to, today(), errors);
        errors.throwIfAny();
        return tenants.mrr(range);
    }

    @GetMapping("/usage")
    @Operation(summary = "Usage totals per resource and day, all tenants (superadmin)", description = "consumed sums "
            + "what was added (for apiCallsPerHour the calls made), released what was given back, tenants counts "
            + "those that did either; each usage is dated by when it occurred.")
    public UsageTotalsView usage(@Parameter(description = FROM) @RequestParam(required = false) String from,
                                 @Parameter(description = TO) @RequestParam(required = false) String to,
                                 @Parameter(description = "A counted resource, e.g. messagesPerMonth; default all")
                                 @RequestParam(required = false) String resource) {
        FieldErrors errors = new FieldErrors();
        DateRange range = AnalyticsParameters.range(from, to, today(), errors);
        Resource chosen = AnalyticsParameters.resource(resource, false, errors).orElse(null);
        errors.throwIfAny();
        return usage.totals(range, chosen);
    }

    @GetMapping("/top-tenants")
    @Operation(summary = "Tenants that consumed most of a resource in a date range (superadmin)", description =
            "Ranked by consumed over the range, then tenant id; deleted tenants included with their status. "
            + "GET /api/v1/usage/top ranks by the share of the limit in use now instead.")
    public TopTenantsView topTenants(@Parameter(description = FROM) @RequestParam(required = false) String from,
                                     @Parameter(description = TO) @RequestParam(required = false) String to,
                                     @Parameter(description = "A counted resource, e.g. messagesPerMonth")
                                     @RequestParam(required = false) String resource,
                                     @Parameter(description = "How many tenants, 1-100; default 10")
                                     @RequestParam(required = false) String limit) {
        FieldErrors errors = new FieldErrors();
        DateRange range = AnalyticsParameters.range(from, to, today(), errors);
        Resource chosen = AnalyticsParameters.resource(resource, true, errors).orElse(null);
        int size = AnalyticsParameters.limit(limit, errors);
        errors.throwIfAny();
        return usage.top(range, chosen, size);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
