package dev.tenancy.api.user.event;

import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.user.Role;

import java.time.Instant;

/** An owner or admin invited someone; the invitation holds a seat until it is accepted or expires. No token here. */
public record UserInvitedEvent(String tenantId, String invitationId, String email, Role role, Instant expiresAt)
        implements TenantMessage {
}
