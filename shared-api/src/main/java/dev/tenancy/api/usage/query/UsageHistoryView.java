package dev.tenancy.api.usage.query;

import java.time.LocalDate;
import java.util.List;

/** Every day of the range, in order, days without activity included. */
public record UsageHistoryView(String resource, LocalDate from, LocalDate to, List<UsageDayView> days) {
}
