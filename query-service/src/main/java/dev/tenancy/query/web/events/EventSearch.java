package dev.tenancy.query.web.events;

import dev.tenancy.query.audit.FilterParameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The events page's filters as typed (shown again in the form, carried by the "Older" link and the live tail).
 * Validation is the REST controller's: this only keeps the raw text.
 */
public record EventSearch(String tenantId, String aggregateId, String type, String actor, String correlationId,
                          String from, String to, String q, String size) {

    private static final String DEFAULT_SIZE = String.valueOf(FilterParameters.DEFAULT_SIZE);

    /** Filters the live tail understands: the time range and paging mean nothing to events yet to come. */
    Map<String, String> liveFilters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("tenantId", tenantId);
        filters.put("aggregateId", aggregateId);
        filters.put("type", type);
        filters.put("actor", actor);
        filters.put("correlationId", correlationId);
        filters.put("q", q);
        return filters;
    }

    private Map<String, String> all() {
        Map<String, String> filters = liveFilters();
        filters.put("from", from);
        filters.put("to", to);
        filters.put("size", size);
        return filters;
    }

    /** The page size as asked for (the search refused anything invalid before this is shown). */
    public String pageSize() {
        return given(size) ? size.trim() : DEFAULT_SIZE;
    }

    /** Whether a filter outside the first row is set, so the form shows them opened. */
    public boolean more() {
        return given(aggregateId) || given(q) || given(from) || given(to) || !DEFAULT_SIZE.equals(pageSize());
    }

    boolean any() {
        return all().values().stream().anyMatch(EventSearch::given);
    }

    /** This search's page after {@code cursor}. */
    String page(String cursor) {
        return link("/dashboard/events", all(), cursor);
    }

    /** The SSE route with the filters that apply to it. */
    String stream() {
        return link("/api/v1/admin/events/stream", liveFilters(), null);
    }

    /** Every value encoded whole ('+', '&', '{' included), so the server reads back exactly what was typed. */
    private static String link(String path, Map<String, String> filters, String cursor) {
        StringJoiner query = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        filters.forEach((name, value) -> {
            if (given(value)) {
                query.add(name + "=" + URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
            }
        });
        if (cursor != null) {
            query.add("cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
