package dev.tenancy.api.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A tenant's monthly usage period: from one monthly anniversary of its signup date, at midnight in its time zone,
 * to the next. Boundaries are counted from the signup date each time, so a tenant that signed up on 31 January
 * resets on 28 (or 29) February and again on 31 March.
 */
public record UsagePeriod(Instant start, Instant end) {

    public static UsagePeriod containing(Instant anchor, ZoneId zone, Instant at) {
        LocalDate anchorDate = anchor.atZone(zone).toLocalDate();
        LocalDate atDate = at.atZone(zone).toLocalDate();
        long months = ChronoUnit.MONTHS.between(anchorDate.withDayOfMonth(1), atDate.withDayOfMonth(1));
        Instant start = boundary(anchorDate, zone, months);
        if (start.isAfter(at)) {
            months--;
            start = boundary(anchorDate, zone, months);
        }
        return new UsagePeriod(start, boundary(anchorDate, zone, months + 1));
    }

    public UsagePeriod next(Instant anchor, ZoneId zone) {
        return containing(anchor, zone, end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    private static Instant boundary(LocalDate anchorDate, ZoneId zone, long months) {
        return anchorDate.plusMonths(months).atStartOfDay(zone).toInstant();
    }
}
