package dev.tenancy.api.user.event;

import dev.tenancy.api.tenant.TenantMessage;

/** An invitation passed its expiry unaccepted; its seat is free again. */
public record InvitationExpiredEvent(String tenantId, String invitationId, String email) implements TenantMessage {
}
