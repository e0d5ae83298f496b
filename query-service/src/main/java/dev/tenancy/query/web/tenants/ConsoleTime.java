package dev.tenancy.query.web.tenants;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on the superadmin's pages: minutes in UTC, the same for every reader. */
final class ConsoleTime {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsoleTime() {
    }
}
