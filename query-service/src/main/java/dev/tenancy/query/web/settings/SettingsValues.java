package dev.tenancy.query.web.settings;

import java.util.List;
import java.util.Map;

/** Reading the read model's nested settings maps, where a group or list the tenant never set may be missing. */
final class SettingsValues {

    private SettingsValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> group(Map<String, Object> settings, String name) {
        Object group = settings == null ? null : settings.get(name);
        return group instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<String> list(Object value) {
        return value instanceof List<?> items ? items.stream().map(String::valueOf).toList() : List.of();
    }
}
