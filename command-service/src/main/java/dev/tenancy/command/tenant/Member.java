package dev.tenancy.command.tenant;

import dev.tenancy.api.user.Role;

/** A user holding a seat in the tenant. */
record Member(String email, Role role) {
}
