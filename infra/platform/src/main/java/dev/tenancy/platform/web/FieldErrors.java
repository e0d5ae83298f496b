package dev.tenancy.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Collects every invalid field of a request so one 400 answer names them all. */
public final class FieldErrors {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private final List<Map<String, String>> errors = new ArrayList<>();

    public FieldErrors require(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, field + " is required");
        }
        return this;
    }

    public FieldErrors maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, field + " must be at most " + max + " characters");
        }
        return this;
    }

    public FieldErrors email(String field, String value) {
        if (value != null && !value.isBlank() && (value.length() > 254 || !EMAIL.matcher(value.trim()).matches())) {
            add(field, field + " is not a valid email address");
        }
        return this;
    }

    /** Adds the rule's complaint, if it has one, unless the field already has an error. */
    public FieldErrors check(String field, Optional<String> violation) {
        violation.filter(v -> !has(field)).ifPresent(v -> add(field, v));
        return this;
    }

    public FieldErrors add(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        errors.add(error);
        return this;
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.get("field").equals(field));
    }

    /** Throws a 400 validation problem naming every collected field; does nothing when all fields are fine. */
    public void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        String fields = String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList());
        throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                "Invalid fields: " + fields).with("errors", List.copyOf(errors));
    }
}
