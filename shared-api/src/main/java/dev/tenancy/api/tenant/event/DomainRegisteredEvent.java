package dev.tenancy.api.tenant.event;

import dev.tenancy.api.tenant.TenantMessage;

/** The verification token is published in DNS by the tenant; it is not a secret. */
public record DomainRegisteredEvent(String tenantId, String domain, String verificationToken) implements TenantMessage {
}
