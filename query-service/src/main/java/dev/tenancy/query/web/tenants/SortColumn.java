package dev.tenancy.query.web.tenants;

import dev.tenancy.api.tenant.query.FindTenantsQuery;

import java.util.List;

/**
 * A sortable column header of the tenant list: a link that sorts by it (the other way round when it already sorts
 * the list) and the {@code aria-sort} that tells assistive technology how the list is sorted now.
 */
record SortColumn(String label, String field, String ariaSort, String href) {

    private static final List<String[]> COLUMNS = List.of(new String[] {"Name", "name"},
            new String[] {"Slug", "slug"}, new String[] {"Plan", "plan"}, new String[] {"Status", "status"},
            new String[] {"Created", "createdAt"});

    static List<SortColumn> of(TenantListFilter filter, FindTenantsQuery query) {
        return COLUMNS.stream().map(column -> {
            boolean current = column[1].equals(query.sortField());
            String ariaSort = !current ? null : query.ascending() ? "ascending" : "descending";
            String next = column[1] + (current && query.ascending() ? ",desc" : ",asc");
            return new SortColumn(column[0], column[1], ariaSort, filter.sortedBy(next));
        }).toList();
    }

    /** A visual arrow for sighted readers; aria-sort says the same to others. */
    public String arrow() {
        return ariaSort == null ? "" : ariaSort.equals("ascending") ? "▲" : "▼";
    }
}
