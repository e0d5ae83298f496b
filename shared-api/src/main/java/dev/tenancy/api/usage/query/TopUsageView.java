package dev.tenancy.api.usage.query;

import java.util.List;

/** Tenants by percent of the limit used, highest first; ties by used (highest first), then by tenant id. */
public record TopUsageView(String resource, List<TopUsageItem> items) {
}
