package dev.tenancy.query.audit;

import dev.tenancy.platform.web.FieldErrors;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Parses the filter parameters of the audit and event console routes, naming each invalid one; nothing here lets a
 * client cause a 500. Absent or blank parameters are null.
 */
public final class FilterParameters {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@+-]{1,200}");
    private static final Pattern TYPE = Pattern.compile(
            "[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*){0,30}");
    private static final Pattern ACTION = Pattern.compile("[\\p{L}0-9 ]{1,100}");
    private static final int MAX_TEXT = 200;

    private FilterParameters() {
    }

    /** An id (event, aggregate, actor, tenant, correlation): letters, digits and {@code . _ : @ + -}. */
    public static String id(String field, String value, FieldErrors errors) {
        String text = trimmed(value);
        if (text != null && !ID.matcher(text).matches()) {
            errors.add(field, field + " must be 1-200 letters, digits or . _ : @ + -");
            return null;
        }
        return text;
    }

    /** An event type: a full class name or a simple one. */
    public static String type(String field, String value, FieldErrors errors) {
        String text = trimmed(value);
        if (text != null && (text.length() > 300 || !TYPE.matcher(text).matches())) {
            errors.add(field, field + " must be an event class name, full (dev.tenancy.api...UserInvitedEvent) "
                    + "or simple (UserInvitedEvent)");
            return null;
        }
        return text;
    }

    public static String action(String field, String value, FieldErrors errors) {
        String text = trimmed(value);
        if (text != null && !ACTION.matcher(text).matches()) {
            errors.add(field, field + " must be an action in words, e.g. 'User invited'");
            return null;
        }
        return text == null ? null : text.replaceAll(" +", " ");
    }

    /** Free text to search for, at most 200 characters. */
    public static String text(String field, String value, FieldErrors errors) {
        String text = trimmed(value);
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(field, field + " must be at most " + MAX_TEXT + " characters");
            return null;
        }
        return text;
    }

    /** An ISO-8601 instant or date-time with offset, to the millisecond (the store's precision). */
    public static Instant instant(String field, String value, FieldErrors errors) {
        String text = trimmed(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeException e) {
            try {
                return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeException notOffset) {
                errors.add(field, field + " must be an ISO-8601 instant, e.g. 2025-05-01T00:00:00Z");
                return null;
            }
        }
    }

    /** {@code to} must come after {@code from} when both are given. */
    public static void range(Instant from, Instant to, FieldErrors errors) {
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add("to", "to must be after from");
        }
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    public static int whole(String field, String value, int fallback, int min, int max, FieldErrors errors) {
        String text = trimmed(value);
        if (text == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(text);
            if (parsed >= min && parsed <= max) {
                return (int) parsed;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the field
        }
        errors.add(field, field + " must be a whole number from " + min + " to " + max);
        return fallback;
    }

    public static int size(String value, FieldErrors errors) {
        return whole("size", value, DEFAULT_SIZE, 1, MAX_SIZE, errors);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
