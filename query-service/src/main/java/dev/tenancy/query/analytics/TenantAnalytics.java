package dev.tenancy.query.analytics;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Daily tenant counts and MRR, summed from the tenants' daily transitions: every transition up to a day moves the
 * levels, so a day without any carries the day before's values.
 */
@Component
public class TenantAnalytics {

    private final AnalyticsStore store;

    public TenantAnalytics(AnalyticsStore store) {
        this.store = store;
    }

    TenantCountsView counts(DateRange range) {
        return new TenantCountsView(range.from(), range.to(), series(range, TenantLevels::counts));
    }

    MrrView mrr(DateRange range) {
        TenantLevels now = new TenantLevels();
        store.transitionsUntil(null).forEach(now::apply);
        return new MrrView("USD", range.from(), range.to(), series(range, TenantLevels::mrr), now.mrr());
    }

    private <T> List<T> series(DateRange range, BiFunction<TenantLevels, LocalDate, T> day) {
        List<TransitionCount> transitions = new ArrayList<>(store.transitionsUntil(range.to()));
        transitions.sort(Comparator.comparing(TransitionCount::date));
        Iterator<TransitionCount> pending = transitions.iterator();
        TransitionCount next = pending.hasNext() ? pending.next() : null;
        TenantLevels levels = new TenantLevels();
        List<T> days = new ArrayList<>();
        for (LocalDate date : range.days()) {
            while (next != null && !next.date().isAfter(date)) {
                levels.apply(next);
                next = pending.hasNext() ? pending.next() : null;
            }
            days.add(day.apply(levels, date));
        }
        return List.copyOf(days);
    }
}
