package dev.tenancy.query.web.settings;

import dev.tenancy.api.tenant.query.TenantDetailsView;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as the tenant's people read them: in the timezone of the tenant's General settings. */
public record TenantTimes(ZoneId zone) {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static TenantTimes of(TenantDetailsView tenant) {
        Object configured = tenant.settings() == null ? null : tenant.settings().get("timezone");
        try {
            return new TenantTimes(configured == null ? ZoneOffset.UTC : ZoneId.of(configured.toString()));
        } catch (DateTimeException unknown) {
            return new TenantTimes(ZoneOffset.UTC);
        }
    }

    /** {@code 2025-05-01 14:03:12}, or an empty text for no time. */
    public String of(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone));
    }

    public String zoneName() {
        return zone.getId();
    }
}
