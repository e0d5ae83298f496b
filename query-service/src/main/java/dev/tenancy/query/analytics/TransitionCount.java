package dev.tenancy.query.analytics;

import java.time.LocalDate;

/** How many tenants went from {@code before} (null: not yet created) to {@code after} over the UTC day. */
record TransitionCount(LocalDate date, PlanStatus before, PlanStatus after, long tenants) {
}
