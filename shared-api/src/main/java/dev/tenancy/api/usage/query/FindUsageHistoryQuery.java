package dev.tenancy.api.usage.query;

import dev.tenancy.api.plan.Resource;

import java.time.LocalDate;

/** A tenant's daily totals of one counted resource, for the UTC days {@code from} to {@code to}, both included. */
public record FindUsageHistoryQuery(String tenantId, Resource resource, LocalDate from, LocalDate to) {
}
