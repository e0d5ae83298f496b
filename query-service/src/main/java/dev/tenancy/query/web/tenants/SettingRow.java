package dev.tenancy.query.web.tenants;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** One setting of a tenant by its dotted path, for the superadmin's summary (secrets arrive masked). */
record SettingRow(String path, String value) {

    static List<SettingRow> of(Map<String, Object> settings) {
        List<SettingRow> rows = new ArrayList<>();
        flatten("", settings == null ? Map.of() : settings, rows);
        return rows;
    }

    private static void flatten(String prefix, Map<?, ?> node, List<SettingRow> rows) {
        node.forEach((key, value) -> {
            String path = prefix + key;
            if (value instanceof Map<?, ?> child) {
                flatten(path + ".", child, rows);
            } else if (value instanceof Collection<?> list) {
                rows.add(new SettingRow(path, list.isEmpty() ? "(none)" : String.join(", ",
                        list.stream().map(String::valueOf).toList())));
            } else {
                rows.add(new SettingRow(path, value == null ? "(not set)" : String.valueOf(value)));
            }
        });
    }
}
