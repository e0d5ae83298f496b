package dev.tenancy.query.analytics;

import java.util.List;

/** One resource over the range: its sums and every day in order, quiet days as zeros. */
public record ResourceTotals(String resource, long consumed, long released, List<ResourceDay> days) {
}
