package dev.tenancy.query.web.settings;

import dev.tenancy.api.usage.query.UsageDayView;
import dev.tenancy.api.usage.query.UsageHistoryView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily chart of one resource, laid out on the server as plain SVG rectangles (no chart library, no script):
 * one bar per day, its height the amount in use at the day's end relative to the period's highest day.
 */
public record UsageChart(String resource, String label, LocalDate from, LocalDate to, List<Bar> bars, String peak,
                         String description) {

    static final int HEIGHT = 120;
    static final int BAR_STEP = 12;
    static final int BAR_WIDTH = 9;
    /** A month's worth of room, so a period's first days show as narrow bars rather than a slab across the chart. */
    static final int MIN_DAYS = 31;

    public record Bar(LocalDate date, String used, String consumed, String released, int x, int y, int height,
                      boolean today) {
    }

    static UsageChart of(UsageHistoryView history, LocalDate today) {
        boolean bytes = history.resource().equals("storage");
        long peak = history.days().stream().mapToLong(UsageDayView::used).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int x = 0;
        for (UsageDayView day : history.days()) {
            // a day with some use keeps a visible sliver, so it never looks like a quiet day
            int height = peak == 0 ? 0
                    : (int) Math.max(day.used() > 0 ? 2 : 0, Math.round(HEIGHT * (double) day.used() / peak));
            bars.add(new Bar(day.date(), UsageRow.amount(day.used(), bytes), UsageRow.amount(day.consumed(), bytes),
                    UsageRow.amount(day.released(), bytes), x, HEIGHT - height, height, day.date().equals(today)));
            x += BAR_STEP;
        }
        String label = UsageRow.label(history.resource());
        String description = label + " in use at the end of each day from " + history.from() + " to "
                + history.to() + "; highest " + UsageRow.amount(peak, bytes)
                + (bars.isEmpty() ? "" : "; today " + bars.get(bars.size() - 1).used()) + ".";
        return new UsageChart(history.resource(), label, history.from(), history.to(), List.copyOf(bars),
                UsageRow.amount(peak, bytes), description);
    }

    public int width() {
        return Math.max(MIN_DAYS, bars.size()) * BAR_STEP;
    }

    public int height() {
        return HEIGHT;
    }

    public int barWidth() {
        return BAR_WIDTH;
    }
}
