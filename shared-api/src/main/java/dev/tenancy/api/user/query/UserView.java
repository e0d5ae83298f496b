package dev.tenancy.api.user.query;

import dev.tenancy.api.user.Role;

import java.time.Instant;

public record UserView(String userId, String email, Role role, Instant joinedAt) {
}
