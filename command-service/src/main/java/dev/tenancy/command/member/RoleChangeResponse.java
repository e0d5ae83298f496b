package dev.tenancy.command.member;

import dev.tenancy.api.user.Role;

/** {@code changed} is false when the user had the role already (nothing happened, their tokens stay valid). */
public record RoleChangeResponse(String userId, Role role, boolean changed, long version) {
}
