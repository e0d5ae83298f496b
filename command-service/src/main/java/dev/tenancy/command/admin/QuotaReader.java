package dev.tenancy.command.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.platform.web.FieldErrors;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/** One quota override: {@code {"unlimited": true}}, {@code {"max": 500}} (or with "unlimited": false), or null. */
final class QuotaReader {

    private static final Set<String> FIELDS = Set.of("unlimited", "max");

    private QuotaReader() {
    }

    /** The quota, or empty for null and for invalid input (each complaint added to {@code errors}). */
    static Optional<Quota> read(String path, JsonNode node, FieldErrors errors) {
        if (node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            errors.add(path, path + " must be {\"unlimited\": true}, {\"max\": n} or null");
            return Optional.empty();
        }
        boolean valid = true;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(path + "." + name, "unknown field; a quota has unlimited and max");
                valid = false;
            }
        }
        JsonNode unlimited = node.path("unlimited");
        JsonNode max = node.path("max");
        if (!unlimited.isMissingNode() && !unlimited.isBoolean()) {
            errors.add(path + ".unlimited", "unlimited must be true or false");
            return Optional.empty();
        }
        boolean isUnlimited = unlimited.asBoolean(false);
        boolean hasMax = !max.isMissingNode() && !max.isNull();
        String problem = null;
        if (isUnlimited && hasMax) {
            problem = "an unlimited quota has no max";
        } else if (!isUnlimited && !hasMax) {
            problem = "max is required unless unlimited is true";
        } else if (hasMax && (!max.isIntegralNumber() || !max.canConvertToLong() || max.longValue() < 0)) {
            problem = "max must be a whole number of zero or more";
        }
        if (problem != null) {
            errors.add(path + ".max", problem);
            return Optional.empty();
        }
        return valid ? Optional.of(isUnlimited ? Quota.unlimitedQuota() : Quota.of(max.longValue()))
                : Optional.empty();
    }
}
