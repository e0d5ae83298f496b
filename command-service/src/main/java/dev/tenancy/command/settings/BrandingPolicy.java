package dev.tenancy.command.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.command.web.StrictJson;
import dev.tenancy.platform.web.FieldErrors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tenant's branding may be: {@code logoUrl} (absolute https, at most 2000 characters), {@code primaryColor}
 * and {@code secondaryColor} (#RGB or #RRGGBB), {@code customCss} (see {@link BrandingCssPolicy}). A partial update;
 * {@code null} clears a field.
 */
public final class BrandingPolicy {

    static final int MAX_LOGO_URL = 2000;
    private static final Pattern COLOR = Pattern.compile("#(\\p{XDigit}{3}|\\p{XDigit}{6})");
    private static final Set<String> FIELDS = Set.of("logoUrl", "primaryColor", "secondaryColor", "customCss");

    private BrandingPolicy() {
    }

    /** The changes the body asks for (null values clear); 400 unknown-field or validation-failed otherwise. */
    public static Map<String, Object> validate(JsonNode body) {
        StrictJson.requireObject(body);
        List<String> unknown = new ArrayList<>();
        FieldErrors errors = new FieldErrors();
        Map<String, Object> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            } else if (value.isNull()) {
                values.put(name, null);
            } else if (!value.isTextual()) {
                errors.add(name, name + " must be a string or null");
            } else {
                violation(name, value.textValue()).ifPresentOrElse(reason -> errors.add(name, name + " " + reason),
                        () -> values.put(name, value.textValue()));
            }
        }
        StrictJson.refuseUnknown(unknown);
        errors.throwIfAny();
        return values;
    }

    private static Optional<String> violation(String field, String value) {
        return switch (field) {
            case "logoUrl" -> Formats.httpsUrl(value, MAX_LOGO_URL);
            case "customCss" -> BrandingCssPolicy.violation(value);
            default -> COLOR.matcher(value).matches() ? Optional.empty()
                    : Optional.of("must be a hex color, #RGB or #RRGGBB");
        };
    }
}
