package dev.tenancy.api.user.event;

import dev.tenancy.api.tenant.TenantMessage;

/** The user confirmed an authenticator app; signing in now needs its code. The secret is never in an event. */
public record TwoFactorEnabledEvent(String tenantId, String userId) implements TenantMessage {
}
