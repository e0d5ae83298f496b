package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.platform.web.FieldErrors;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Collectors;

/** Parses the analytics routes' parameters, naming each invalid one; nothing here lets a client cause a 500. */
final class AnalyticsParameters {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    static final String COUNTED_KEYS = UsageAnalytics.COUNTED.stream().map(Resource::key)
            .collect(Collectors.joining(", "));

    private AnalyticsParameters() {
    }

    /**
     * UTC days {@code from} to {@code to}, both included: by default the 30 days up to today, at most 366. Days after
     * today have no figures yet, so the range ends today at the latest; a range starting after today is refused.
     */
    static DateRange range(String from, String to, LocalDate today, FieldErrors errors) {
        LocalDate end = day("to", to, errors);
        LocalDate start = day("from", from, errors);
        if (errors.has("from") || errors.has("to")) {
            return null;
        }
        end = end == null ? today : end;
        start = start == null ? end.minusDays(DEFAULT_DAYS - 1) : start;
        if (start.isAfter(end)) {
            errors.add("from", "from must not be after to");
        } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            errors.add("to", "from to to spans at most " + MAX_DAYS + " days, both included");
        } else if (start.isAfter(today)) {
            errors.add("from", "from must not be after today (" + today + ", UTC)");
        }
        return new DateRange(start, end.isAfter(today) ? today : end);
    }

    /** A counted resource, or empty when absent and not {@code required}. */
    static Optional<Resource> resource(String value, boolean required, FieldErrors errors) {
        if (value == null && !required) {
            return Optional.empty();
        }
        Optional<Resource> resource = value == null ? Optional.empty() : Resource.fromKey(value.trim())
                .filter(UsageAnalytics.COUNTED::contains);
        if (resource.isEmpty()) {
            errors.add("resource", value == null || value.isBlank() ? "resource is required"
                    : "resource must be one of " + COUNTED_KEYS);
        }
        return resource;
    }

    static int limit(String value, FieldErrors errors) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the parameter
        }
        errors.add("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
        return DEFAULT_LIMIT;
    }

    private static LocalDate day(String field, String value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeException e) {
            errors.add(field, field + " must be a date (yyyy-MM-dd)");
            return null;
        }
    }
}
