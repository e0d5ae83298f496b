package dev.tenancy.query.usage;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.usage.query.FindUsageHistoryQuery;
import dev.tenancy.api.usage.query.UsageDayView;
import dev.tenancy.api.usage.query.UsageHistoryView;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.tenancy.query.usage.UsageDocuments.*;

/**
 * Daily totals for charts: every day of the range, quiet days included. A quiet day consumed and released nothing;
 * what was in use carries over from the last active day (up to today), except for apiCallsPerHour, whose daily
 * figure is the day's calls, and except past the end of the monthly period a messagesPerMonth level belonged to.
 */
@Component
public class UsageHistory {

    private final UsageStore store;
    private final Clock clock;

    public UsageHistory(UsageStore store, ObjectProvider<Clock> clock) {
        this.store = store;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    UsageHistoryView history(FindUsageHistoryQuery query) {
        TenantId tenantId = TenantId.of(query.tenantId());
        Resource resource = query.resource();
        Map<String, Document> active = new HashMap<>();
        store.days(tenantId, resource, query.from(), query.to())
                .forEach(day -> active.put(day.getString(DATE), day));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Document last = store.lastDayBefore(tenantId, resource, query.from()).orElse(null);
        List<UsageDayView> days = new ArrayList<>();
        for (LocalDate date = query.from(); !date.isAfter(query.to()); date = date.plusDays(1)) {
            Document day = active.get(date.toString());
            if (day != null) {
                last = day;
                days.add(new UsageDayView(date, number(day.get(CONSUMED)), number(day.get(RELEASED)),
                        number(day.get(USED))));
            } else {
                days.add(new UsageDayView(date, 0, 0, carried(resource, last, date, today)));
            }
        }
        return new UsageHistoryView(resource.key(), query.from(), query.to(), List.copyOf(days));
    }

    private static long carried(Resource resource, Document last, LocalDate date, LocalDate today) {
        if (last == null || resource == Resource.API_CALLS_PER_HOUR || date.isAfter(today)) {
            return 0;
        }
        Date periodEnd = last.getDate(PERIOD_END);
        if (periodEnd != null && !date.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(periodEnd.toInstant())) {
            return 0;
        }
        return number(last.get(USED));
    }
}
