package dev.tenancy.api.tenant.event;

import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.user.Role;

/** A user took a seat in the tenant: the owner at signup, later an accepted invitation. */
public record UserAddedEvent(String tenantId, String userId, String email, Role role) implements TenantMessage {
}
