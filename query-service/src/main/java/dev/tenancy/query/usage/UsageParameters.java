package dev.tenancy.query.usage;

import dev.tenancy.api.plan.Resource;
import dev.tenancy.platform.web.FieldErrors;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Parses the usage routes' parameters, naming each invalid one; nothing here lets a client cause a 500. */
final class UsageParameters {

    static final String COUNTED_KEYS = Arrays.stream(Resource.values())
            .filter(resource -> resource != Resource.CUSTOM_INTEGRATIONS)
            .map(Resource::key).collect(Collectors.joining(", "));
    static final String ALL_KEYS = Arrays.stream(Resource.values()).map(Resource::key)
            .collect(Collectors.joining(", "));

    private UsageParameters() {
    }

    /** Any resource, customIntegrations included. */
    static Optional<Resource> resource(String field, String value, FieldErrors errors) {
        Optional<Resource> resource = value == null ? Optional.empty() : Resource.fromKey(value.trim());
        if (resource.isEmpty()) {
            errors.add(field, value == null || value.isBlank() ? field + " is required"
                    : field + " must be one of " + ALL_KEYS);
        }
        return resource;
    }

    /** A resource that is counted against a quota: not the customIntegrations switch. */
    static Optional<Resource> countedResource(String field, String value, FieldErrors errors) {
        Optional<Resource> resource = value == null ? Optional.empty() : Resource.fromKey(value.trim())
                .filter(found -> found != Resource.CUSTOM_INTEGRATIONS);
        if (resource.isEmpty()) {
            errors.add(field, value == null || value.isBlank() ? field + " is required"
                    : field + " must be one of " + COUNTED_KEYS);
        }
        return resource;
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    static long whole(String field, String value, long fallback, long min, long max, FieldErrors errors) {
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the field
        }
        errors.add(field, max == Long.MAX_VALUE ? field + " must be a whole number of " + min + " or more"
                : field + " must be a whole number from " + min + " to " + max);
        return fallback;
    }

    /** A UTC day given as yyyy-MM-dd or as an ISO-8601 instant (its UTC day); null when absent or invalid. */
    static LocalDate day(String field, String value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        try {
            return text.contains("T") ? Instant.parse(text).atOffset(ZoneOffset.UTC).toLocalDate()
                    : LocalDate.parse(text);
        } catch (DateTimeException e) {
            errors.add(field, field + " must be a date (yyyy-MM-dd) or an ISO-8601 instant");
            return null;
        }
    }
}
