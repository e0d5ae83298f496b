package dev.tenancy.command.tenant;

import dev.tenancy.api.user.Role;

import java.time.Instant;

/** A pending invitation: it holds a seat until it is accepted or expires. */
record Invitation(String email, Role role, Instant expiresAt) {

    boolean overdue(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
