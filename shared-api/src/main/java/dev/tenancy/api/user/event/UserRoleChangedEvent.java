package dev.tenancy.api.user.event;

import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.user.Role;

public record UserRoleChangedEvent(String tenantId, String userId, Role oldRole, Role newRole)
        implements TenantMessage {
}
