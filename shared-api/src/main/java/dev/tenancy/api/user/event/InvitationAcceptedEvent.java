package dev.tenancy.api.user.event;

import dev.tenancy.api.tenant.TenantMessage;

/** The invitee set a password; a {@code UserAddedEvent} for the new user follows, taking over the invitation's seat. */
public record InvitationAcceptedEvent(String tenantId, String invitationId, String userId) implements TenantMessage {
}
