package dev.tenancy.query.console;

import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.web.FieldErrors;
import dev.tenancy.query.audit.FilterParameters;

import java.time.Instant;

/** The superadmin routes' filters, each invalid one named in one 400 answer. */
final class ConsoleParameters {

    private ConsoleParameters() {
    }

    /**
     * The tenant to filter on: the one a superadmin names the usual way ({@code ?tenant=} id or slug,
     * {@code X-Tenant-Id}, resolved by the platform, so unknown and deleted tenants are 404 there), or a raw
     * {@code tenantId}, which also reaches deleted tenants' events. Null: every tenant.
     */
    static String tenant(String tenantId, FieldErrors errors) {
        String raw = FilterParameters.id("tenantId", tenantId, errors);
        String resolved = CurrentTenant.find().map(TenantRef::id).orElse(null);
        if (raw != null && resolved != null && !raw.equals(resolved)) {
            errors.add("tenantId", "tenantId names another tenant than tenant / X-Tenant-Id");
        }
        return raw != null ? raw : resolved;
    }

    static EventFilter filter(String tenantId, String aggregateId, String type, String actor, String correlationId,
                              String from, String to, String q, FieldErrors errors) {
        Instant fromInstant = FilterParameters.instant("from", from, errors);
        Instant toInstant = FilterParameters.instant("to", to, errors);
        FilterParameters.range(fromInstant, toInstant, errors);
        return new EventFilter(tenant(tenantId, errors), FilterParameters.id("aggregateId", aggregateId, errors),
                FilterParameters.type("type", type, errors), FilterParameters.id("actor", actor, errors),
                FilterParameters.id("correlationId", correlationId, errors), fromInstant, toInstant,
                FilterParameters.text("q", q, errors));
    }
}
