package dev.tenancy.query.analytics;

import java.time.LocalDate;
import java.util.List;

/** Most consumed first; equal consumption by tenant id. */
public record TopTenantsView(String resource, LocalDate from, LocalDate to, List<TopTenant> items) {
}
