package dev.tenancy.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For bodies read as a JSON tree (partial updates, where "absent" and "null" differ): the global refusal of unknown
 * fields does not reach inside a tree, so these routes refuse unknown paths themselves, with the same problem type.
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body must be a JSON object.");
        }
    }

    public static void refuseUnknown(List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        List<Map<String, String>> errors = paths.stream().map(path -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", path);
            error.put("message", "unknown field");
            return error;
        }).toList();
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-field", "Unknown field",
                "Field(s) " + String.join(", ", paths) + " are not part of this request; nothing was changed.")
                .with("errors", errors);
    }
}
