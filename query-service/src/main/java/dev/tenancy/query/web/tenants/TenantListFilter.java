package dev.tenancy.query.web.tenants;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The tenant list's parameters as the page received them, blanks (an untouched field of the filter form) meaning
 * "not given", and the links that keep them while changing one.
 */
record TenantListFilter(String q, String status, String plan, String sort, String page, String size) {

    static final String PATH = "/dashboard/tenants";

    static TenantListFilter of(String q, String status, String plan, String sort, String page, String size) {
        return new TenantListFilter(given(q), given(status), given(plan), given(sort), given(page), given(size));
    }

    /** The same list sorted differently, from its first page. */
    String sortedBy(String newSort) {
        return link(newSort, null);
    }

    /** The same list at another page (0-based). */
    String atPage(int newPage) {
        return link(sort, Integer.toString(newPage));
    }

    private String link(String newSort, String newPage) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH);
        add(uri, "q", q);
        add(uri, "status", status);
        add(uri, "plan", plan);
        add(uri, "sort", newSort);
        add(uri, "page", newPage);
        add(uri, "size", size);
        return uri.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
