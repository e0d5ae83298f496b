package dev.tenancy.api.usage.query;

import java.time.LocalDate;

/**
 * One UTC day of a resource: what was consumed and released that day, and what was in use at its end (for
 * apiCallsPerHour: the calls of the day).
 */
public record UsageDayView(LocalDate date, long consumed, long released, long used) {
}
