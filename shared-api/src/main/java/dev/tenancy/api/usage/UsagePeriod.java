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

    private static final java.time.Duration MIN_LENGTH = java.time.Duration.ofDays(7);

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

    /**
     * The period after this one. It starts where this one ends, also after a change of time zone; it ends at the
     * next boundary in the (new) zone that is at least a week away, so a zone change neither overlaps periods nor
     * squeezes in a period of a few hours.
     */
    public UsagePeriod next(Instant anchor, ZoneId zone) {
        Instant nextEnd = containing(anchor, zone, end).end();
        if (nextEnd.isBefore(end.plus(MIN_LENGTH))) {
            nextEnd = containing(anchor, zone, nextEnd).end();
        }
        return new UsagePeriod(end, nextEnd);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    private static Instant boundary(LocalDate anchorDate, ZoneId zone, long months) {
        return anchorDate.plusMonths(months).atStartOfDay(zone).toInstant();
    }
}
