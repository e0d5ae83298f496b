package dev.tenancy.api.tenant.query;

import java.util.List;

/** One page of a tenant search. */
public record TenantPage(List<TenantView> items, int page, int size, long totalItems, int totalPages) {
}
