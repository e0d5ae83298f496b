package dev.tenancy.query.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** UTC days from {@code from} to {@code to}, both included; empty when {@code to} is before {@code from}. */
record DateRange(LocalDate from, LocalDate to) {

    List<LocalDate> days() {
        return to.isBefore(from) ? List.of()
                : Stream.iterate(from, day -> !day.isAfter(to), day -> day.plusDays(1)).toList();
    }
}
