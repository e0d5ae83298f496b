package dev.tenancy.query.usage;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.usage.query.FindLimitCheckQuery;
import dev.tenancy.api.usage.query.FindUsageHistoryQuery;
import dev.tenancy.api.usage.query.LimitCheckView;
import dev.tenancy.api.usage.query.TenantUsageView;
import dev.tenancy.api.usage.query.UsageHistoryView;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.platform.web.FieldErrors;
import dev.tenancy.query.tenant.TenantReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static dev.tenancy.query.tenant.TenantReads.MIN_VERSION_HEADER;

/**
 * The current tenant's usage, its history and the advisory limit check. Readable while suspended, so a suspended
 * tenant still sees where it stands. Every route takes X-Min-Version and waits until the usage model reached it.
 */
@RestController
@RequestMapping("/api/v1/tenants/current")
@AllowedWhenSuspended
public class CurrentUsageController {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    private static final String WAIT = "Wait for at least this tenant version (read your own writes)";

    private final UsageReads reads;
    private final QueryGateway queries;
    private final Clock clock;

    public CurrentUsageController(UsageReads reads, QueryGateway queries, ObjectProvider<Clock> clock) {
        this.reads = reads;
        this.queries = queries;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/usage")
    @Operation(summary = "The current tenant's usage of every resource", description = "One entry per resource: "
            + "used, limit (Quota), unlimited, remaining and percent (one decimal, above 100 when over; both null "
            + "when unlimited, percent also for a limit of 0), periodStart/periodEnd (messagesPerMonth: the monthly "
            + "period; apiCallsPerHour: the current hour, counted live; null for gauges), overLimit and the "
            + "thresholds (80, 100) reached this period. customIntegrations is a switch: {resource, enabled}.")
    public TenantUsageView usage(@Parameter(description = WAIT)
                                 @RequestHeader(value = MIN_VERSION_HEADER, required = false) String minVersion) {
        return reads.await(TenantReads.currentTenantId(), TenantReads.minVersion(minVersion));
    }

    @GetMapping("/usage/history")
    @Operation(summary = "Daily totals of one resource, for charts", description = "Every UTC day from 'from' to "
            + "'to' (both included, at most 366 days; default the last 30 days): consumed, released and used at "
            + "the day's end. Quiet days consumed and released 0 and keep the last level (apiCallsPerHour: the "
            + "day's calls, so 0; messagesPerMonth: 0 after its period ended).")
    public UsageHistoryView history(
            @Parameter(description = "A counted resource, e.g. messagesPerMonth") @RequestParam(required = false)
            String resource,
            @Parameter(description = "First day: yyyy-MM-dd or an ISO-8601 instant (its UTC day)")
            @RequestParam(required = false) String from,
            @Parameter(description = "Last day: yyyy-MM-dd or an ISO-8601 instant; default today (UTC)")
            @RequestParam(required = false) String to,
            @Parameter(description = WAIT) @RequestHeader(value = MIN_VERSION_HEADER, required = false)
            String minVersion) {
        FieldErrors errors = new FieldErrors();
        Optional<Resource> counted = UsageParameters.countedResource("resource", resource, errors);
        LocalDate first = UsageParameters.day("from", from, errors);
        LocalDate last = UsageParameters.day("to", to, errors);
        if (!errors.has("from") && !errors.has("to")) {
            last = last != null ? last : LocalDate.now(clock.withZone(ZoneOffset.UTC));
            first = first != null ? first : last.minusDays(DEFAULT_DAYS - 1);
            String blamed = to != null ? "to" : "from";
            if (first.isAfter(last)) {
                errors.add(blamed, "to must not be before from");
            } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
                errors.add(blamed, "from..to may span at most " + MAX_DAYS + " days");
            }
        }
        errors.throwIfAny();
        long version = TenantReads.minVersion(minVersion);
        String tenantId = TenantReads.currentTenantId();
        reads.await(tenantId, version);
        return queries.query(new FindUsageHistoryQuery(tenantId, counted.orElseThrow(), first, last),
                ResponseTypes.instanceOf(UsageHistoryView.class)).join();
    }

    @GetMapping("/limits/{resource}")
    @Operation(summary = "May the current tenant consume 'amount' more of a resource now?", description = "Advisory "
            + "only: answered from the read model, which may lag. The command that records the usage checks and "
            + "counts in one decision and is authoritative. reason is null when allowed, else limit-exceeded, "
            + "tenant-suspended or feature-not-available (customIntegrations switched off; used, limit and "
            + "remaining are null for it).")
    public LimitCheckView check(
            @Parameter(description = "Any resource key, e.g. campaigns") @PathVariable String resource,
            @Parameter(description = "How much more, a whole number of 1 or more; default 1")
            @RequestParam(required = false) String amount,
            @Parameter(description = WAIT) @RequestHeader(value = MIN_VERSION_HEADER, required = false)
            String minVersion) {
        FieldErrors errors = new FieldErrors();
        Optional<Resource> checked = UsageParameters.resource("resource", resource, errors);
        long wanted = UsageParameters.whole("amount", amount, 1, 1, Long.MAX_VALUE, errors);
        errors.throwIfAny();
        long version = TenantReads.minVersion(minVersion);
        String tenantId = TenantReads.currentTenantId();
        reads.await(tenantId, version);
        LimitCheckView answer = queries.query(new FindLimitCheckQuery(tenantId, checked.orElseThrow(), wanted),
                ResponseTypes.instanceOf(LimitCheckView.class)).join();
        if (answer == null) {
            throw TenantReads.notFound();
        }
        return answer;
    }
}
