package dev.tenancy.api.user.event;

import dev.tenancy.api.tenant.TenantMessage;

/** The user changed their password; every session they had ended with it. Neither password nor hash is here. */
public record PasswordChangedEvent(String tenantId, String userId) implements TenantMessage {
}
