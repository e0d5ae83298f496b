package dev.tenancy.command.tenant;

import dev.tenancy.api.tenant.FieldChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The fields of {@code requested} whose value differs from the current one, with old and new values. */
final class FieldDiff {

    private FieldDiff() {
    }

    static List<FieldChange> between(Map<String, Object> current, Map<String, Object> defaults,
                                     Map<String, Object> requested) {
        List<FieldChange> changes = new ArrayList<>();
        new TreeMap<>(requested).forEach((field, value) -> {
            Object old = current.containsKey(field) ? current.get(field) : defaults.get(field);
            if (!Objects.equals(old, value)) {
                changes.add(new FieldChange(field, old, value));
            }
        });
        return changes;
    }

    static void apply(Map<String, Object> state, List<FieldChange> changes) {
        changes.forEach(change -> {
            if (change.newValue() == null) {
                state.remove(change.field());
            } else {
                state.put(change.field(), change.newValue());
            }
        });
    }
}
