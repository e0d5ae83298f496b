package dev.tenancy.command.member;

import dev.tenancy.api.user.Role;

import java.time.Instant;

/** What the token store knows of an invitation, so accepting it needs no read model. */
record StoredInvitation(String tenantId, String invitationId, String email, Role role, Instant expiresAt,
                        boolean used, boolean expired) {

    StoredInvitation(String tenantId, String invitationId, String email, Role role, Instant expiresAt) {
        this(tenantId, invitationId, email, role, expiresAt, false, false);
    }
}
