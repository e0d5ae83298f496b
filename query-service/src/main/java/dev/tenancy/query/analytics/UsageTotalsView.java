package dev.tenancy.query.analytics;

import java.time.LocalDate;
import java.util.List;

/** The requested resource, or every counted resource in a fixed order. */
public record UsageTotalsView(LocalDate from, LocalDate to, List<ResourceTotals> resources) {
}
