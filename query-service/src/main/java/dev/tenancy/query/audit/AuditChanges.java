package dev.tenancy.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fields an event changed, old -> new, read from the payload by shape rather than by event type, so new events
 * need no code here: a {@code changes} list of {@code field/oldValue/newValue} is taken as it is; {@code oldX/newX},
 * {@code previousX/x} and {@code previous/overrides} pairs become one change per differing entry; every other field
 * (tenantId aside) is listed as set, objects one level deep ({@code limits.users}).
 */
final class AuditChanges {

    private AuditChanges() {
    }

    static List<AuditChange> of(JsonNode payload) {
        List<AuditChange> changes = new ArrayList<>();
        if (!payload.isObject()) {
            return changes;
        }
        JsonNode listed = payload.get("changes");
        Set<String> consumed = new LinkedHashSet<>(Set.of("tenantId"));
        if (listed != null && listed.isArray() && isFieldChangeList(listed)) {
            listed.forEach(change -> changes.add(new AuditChange(change.path("field").asText(),
                    render(change.get("oldValue")), render(change.get("newValue")))));
            consumed.add("changes");
        }
        for (Map.Entry<String, String> pair : pairs(payload).entrySet()) {
            String oldName = pair.getKey();
            String newName = pair.getValue();
            String field = newName.startsWith("new") && oldName.startsWith("old") ? decapitalize(newName.substring(3))
                    : newName;
            diff(field, payload.get(oldName), payload.get(newName), changes);
            consumed.add(oldName);
            consumed.add(newName);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = payload.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (consumed.contains(field.getKey())) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isObject() && !isQuota(value)) {
                value.fields().forEachRemaining(entry -> changes.add(
                        new AuditChange(field.getKey() + "." + entry.getKey(), null, render(entry.getValue()))));
            } else {
                changes.add(new AuditChange(field.getKey(), null, render(value)));
            }
        }
        return changes;
    }

    /** Old field name -> new field name. */
    private static Map<String, String> pairs(JsonNode payload) {
        Map<String, String> pairs = new LinkedHashMap<>();
        payload.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("old") && name.length() > 3 && Character.isUpperCase(name.charAt(3))
                    && payload.has("new" + name.substring(3))) {
                pairs.put(name, "new" + name.substring(3));
            } else if (name.startsWith("previous") && name.length() > 8 && Character.isUpperCase(name.charAt(8))
                    && payload.has(decapitalize(name.substring(8)))) {
                pairs.put(name, decapitalize(name.substring(8)));
            } else if (name.equals("previous") && payload.has("overrides")) {
                pairs.put(name, "overrides");
            }
        });
        return pairs;
    }

    /** Objects entry by entry (only the entries that differ); anything else as one change. */
    private static void diff(String field, JsonNode before, JsonNode after, List<AuditChange> changes) {
        boolean objects = (isObject(before) || isObject(after)) && !isQuota(before) && !isQuota(after);
        if (!objects) {
            changes.add(new AuditChange(field, render(before), render(after)));
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        if (isObject(before)) {
            before.fieldNames().forEachRemaining(keys::add);
        }
        if (isObject(after)) {
            after.fieldNames().forEachRemaining(keys::add);
        }
        for (String key : keys) {
            String old = render(isObject(before) ? before.get(key) : null);
            String now = render(isObject(after) ? after.get(key) : null);
            if (!Objects.equals(old, now)) {
                changes.add(new AuditChange(field + "." + key, old, now));
            }
        }
    }

    /** JSON null and absent are null; text as it is; a quota as its max or "unlimited"; the rest as JSON. */
    static String render(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (isQuota(value)) {
            return value.path("unlimited").asBoolean() ? "unlimited" : value.path("max").asText();
        }
        return EventJson.text(value);
    }

    private static boolean isFieldChangeList(JsonNode list) {
        for (JsonNode entry : list) {
            if (!entry.isObject() || !entry.path("field").isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    private static boolean isQuota(JsonNode node) {
        return node != null && node.isObject() && node.size() == 2 && node.has("unlimited") && node.has("max");
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
