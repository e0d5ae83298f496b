package dev.tenancy.query.analytics;

import java.time.LocalDate;
import java.util.List;

/** Every day of the range, in order, quiet days carrying the day before's figures; and the figures now. */
public record MrrView(String currency, LocalDate from, LocalDate to, List<MrrDay> days, MrrCurrent current) {
}
