package dev.tenancy.command.identity;

import dev.tenancy.api.user.Role;

public record LoginResponse(String accessToken, String tokenType, long expiresIn, String userId, String tenantId,
                            Role role) {
}
