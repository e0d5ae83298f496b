package dev.tenancy.query.analytics;

import java.time.LocalDate;

/**
 * One resource on one UTC day, all tenants together: the amounts added ({@code consumed}; for apiCallsPerHour the
 * calls made) and given back ({@code released}), and how many tenants did either.
 */
public record ResourceDay(LocalDate date, long consumed, long released, long tenants) {
}
