package dev.tenancy.query.analytics;

import java.time.LocalDate;
import java.util.List;

/** Every day of the range, in order, quiet days carrying the day before's counts. */
public record TenantCountsView(LocalDate from, LocalDate to, List<TenantCountsDay> days) {
}
