package dev.tenancy.query.audit;

import dev.tenancy.platform.web.FieldErrors;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in a list ordered by time, then event id: the last item a page answered. Keyset paging (the next page
 * starts after this key, not after N skipped rows), so rows added meanwhile shift nothing and no row is read twice.
 * Opaque to clients: base64url of {@code v1:<epoch millis>:<event id>}.
 */
public record KeysetCursor(Instant time, String eventId) {

    private static final String VERSION = "v1";

    public String encode() {
        String raw = VERSION + ":" + time.toEpochMilli() + ":" + eventId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; absent is empty, anything not made by {@link #encode()} is refused. */
    public static Optional<KeysetCursor> decode(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value.trim()), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            if (parts.length == 3 && parts[0].equals(VERSION) && !parts[2].isEmpty()) {
                return Optional.of(new KeysetCursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // refused below, naming the field
        }
        errors.add(field, field + " is not a cursor this API answered (use nextCursor as it is)");
        return Optional.empty();
    }
}
