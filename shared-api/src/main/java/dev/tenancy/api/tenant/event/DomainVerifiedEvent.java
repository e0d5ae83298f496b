package dev.tenancy.api.tenant.event;

import dev.tenancy.api.tenant.TenantMessage;

/** {@code method}: {@code dns-txt} or {@code superadmin-override}. */
public record DomainVerifiedEvent(String tenantId, String domain, String method) implements TenantMessage {
}
