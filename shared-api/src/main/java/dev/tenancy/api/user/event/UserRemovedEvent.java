package dev.tenancy.api.user.event;

import dev.tenancy.api.tenant.TenantMessage;

/** The user lost their seat; every token they hold stops working. */
public record UserRemovedEvent(String tenantId, String userId, String email) implements TenantMessage {
}
