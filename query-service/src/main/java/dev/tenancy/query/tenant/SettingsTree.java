package dev.tenancy.query.tenant;

import dev.tenancy.api.tenant.SettingsDefaults;
import org.bson.Document;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings and branding are stored flat, one entry per dotted path, with the dots replaced because MongoDB reads a
 * dot as nesting: {@code security.ipAllowList} is stored under {@code security/ipAllowList}. Flat storage lets one
 * {@code $set}/{@code $unset} per changed field apply an event, and an unset field falls back to its default.
 */
final class SettingsTree {

    static final String MASK = "********";

    private SettingsTree() {
    }

    static String storageKey(String path) {
        return path.replace('.', '/');
    }

    static String path(String storageKey) {
        return storageKey.replace('/', '.');
    }

    /** The tenant's settings as nested maps: defaults, overlaid by what the tenant changed, secrets masked. */
    static Map<String, Object> nested(Document stored) {
        Map<String, Object> flat = new TreeMap<>(SettingsDefaults.SETTINGS);
        if (stored != null) {
            stored.forEach((key, value) -> flat.put(path(key), value));
        }
        Map<String, Object> root = new TreeMap<>();
        flat.forEach((path, value) -> put(root, path.split("\\."), masked(path, value)));
        return root;
    }

    static Object masked(String path, Object value) {
        return value != null && path.toLowerCase(Locale.ROOT).endsWith("clientsecret") ? MASK : value;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String[] segments, Object value) {
        Map<String, Object> node = root;
        for (int i = 0; i < segments.length - 1; i++) {
            Object child = node.get(segments[i]);
            if (!(child instanceof Map)) {
                // a deeper path wins over a scalar stored at its prefix: the nested shape is what clients read
                child = new TreeMap<String, Object>();
                node.put(segments[i], child);
            }
            node = (Map<String, Object>) child;
        }
        if (!(node.get(segments[segments.length - 1]) instanceof Map)) {
            node.put(segments[segments.length - 1], value);
        }
    }
}
