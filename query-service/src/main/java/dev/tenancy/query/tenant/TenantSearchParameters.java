package dev.tenancy.query.tenant;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.query.FindTenantsQuery;
import dev.tenancy.platform.web.FieldErrors;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The query parameters of the superadmin's tenant search, checked: each bad one is named in one 400 answer. The
 * console's tenant list reads through it too, so both refuse the same input the same way.
 */
public record TenantSearchParameters(String q, String status, String plan, String createdFrom, String createdTo,
                              String overLimit, String page, String size, String sort) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_TEXT = 200;

    public FindTenantsQuery toQuery() {
        FieldErrors errors = new FieldErrors().maxLength("q", q, MAX_TEXT);
        TenantStatus parsedStatus = status == null ? null : parseStatus(errors);
        Plan parsedPlan = plan == null ? null : Plan.parse(plan).orElse(null);
        if (plan != null && parsedPlan == null) {
            errors.add("plan", "plan must be one of " + Arrays.toString(Plan.values()));
        }
        Instant from = instant(errors, "createdFrom", createdFrom);
        Instant to = instant(errors, "createdTo", createdTo);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add("createdTo", "createdTo must be after createdFrom");
        }
        Boolean parsedOverLimit = overLimit == null ? null : parseBoolean(errors);
        int parsedPage = number(errors, "page", page, 0, 0, Integer.MAX_VALUE);
        int parsedSize = number(errors, "size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        String[] order = sort == null ? new String[] {"createdAt", "desc"} : sort.split(",", -1);
        String field = order[0].trim();
        String direction = order.length > 1 ? order[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (!AllTenantsRepository.SORT_FIELDS.containsKey(field) || order.length > 2
                || !(direction.equals("asc") || direction.equals("desc"))) {
            errors.add("sort", "sort must be one of " + new TreeSet<>(AllTenantsRepository.SORT_FIELDS.keySet())
                    + ", optionally followed by ,asc or ,desc");
        }
        errors.throwIfAny();
        return new FindTenantsQuery(q == null || q.isBlank() ? null : q.trim(), parsedStatus, parsedPlan, from, to,
                parsedOverLimit, parsedPage, parsedSize, field, direction.equals("asc"));
    }

    private TenantStatus parseStatus(FieldErrors errors) {
        Optional<TenantStatus> parsed = Arrays.stream(TenantStatus.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(status.trim())).findFirst();
        if (parsed.isEmpty()) {
            errors.add("status", "status must be one of " + Arrays.toString(TenantStatus.values()));
        }
        return parsed.orElse(null);
    }

    private Boolean parseBoolean(FieldErrors errors) {
        String value = overLimit.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            errors.add("overLimit", "overLimit must be true or false");
            return null;
        }
        return Boolean.valueOf(value);
    }

    private static Instant instant(FieldErrors errors, String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(name, name + " must be an ISO-8601 instant such as 2025-01-31T00:00:00Z");
            return null;
        }
    }

    private static int number(FieldErrors errors, String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the parameter
        }
        errors.add(name, name + " must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up"
                : " to " + max));
        return fallback;
    }
}
