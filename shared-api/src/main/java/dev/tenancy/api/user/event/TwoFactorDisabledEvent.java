package dev.tenancy.api.user.event;

import dev.tenancy.api.tenant.TenantMessage;

/** The user switched the second factor off, proving it with a code or their password. */
public record TwoFactorDisabledEvent(String tenantId, String userId) implements TenantMessage {
}
