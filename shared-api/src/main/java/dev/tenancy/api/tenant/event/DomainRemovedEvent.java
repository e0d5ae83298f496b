package dev.tenancy.api.tenant.event;

import dev.tenancy.api.tenant.TenantMessage;

public record DomainRemovedEvent(String tenantId, String domain) implements TenantMessage {
}
