package dev.tenancy.platform.apikey;

import java.util.Locale;

/**
 * A stored key's state. Only {@link #ACTIVE} keys authenticate: a key is stored {@link #PENDING} before its creation
 * is decided and becomes active only after its event is stored, so a creation that fails half way leaves nothing
 * usable behind.
 */
public enum ApiKeyState {
    PENDING,
    ACTIVE,
    REVOKED;

    String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ApiKeyState fromStored(String value) {
        return value == null ? REVOKED : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
