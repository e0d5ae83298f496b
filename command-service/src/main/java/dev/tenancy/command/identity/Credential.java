package dev.tenancy.command.identity;

import dev.tenancy.api.user.Role;

/**
 * What authentication needs of a user, and nothing more. The password hash lives only here: never in an event, a log
 * line or a read model. {@code scope} is the tenant id, or {@link CredentialStore#PLATFORM_SCOPE} for superadmins.
 */
public record Credential(String userId, String scope, String email, String passwordHash, Role role) {
}
