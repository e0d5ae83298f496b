package dev.tenancy.api.tenant.event;

import dev.tenancy.api.tenant.TenantMessage;

public record TenantActivatedEvent(String tenantId, String reason) implements TenantMessage {
}
