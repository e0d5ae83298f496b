package dev.tenancy.platform.security;

import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.user.Role;

import java.util.Set;

/**
 * The verified caller of a request. {@code tenantId} is null for a superadmin acting as themselves;
 * {@code actingSuperadmin} names the superadmin behind an impersonation token. {@code kind} tells a person (access
 * token) from a tenant's API key; {@code scopes} are the key's scopes (empty for people). {@code secondFactor} is true
 * when the sign-in behind the token passed a second factor.
 */
public record AuthenticatedUser(String userId, String tenantId, Role role, String actingSuperadmin, ActorKind kind,
                                Set<String> scopes, boolean secondFactor) {

    public AuthenticatedUser {
        kind = kind == null ? ActorKind.USER : kind;
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** A person signed in with a password only. */
    public AuthenticatedUser(String userId, String tenantId, Role role, String actingSuperadmin) {
        this(userId, tenantId, role, actingSuperadmin, ActorKind.USER, Set.of(), false);
    }

    public boolean isSuperadmin() {
        return role == Role.SUPERADMIN;
    }

    public boolean isApiKey() {
        return kind == ActorKind.API_KEY;
    }

    public AuthenticatedUser withSecondFactor(boolean passed) {
        return new AuthenticatedUser(userId, tenantId, role, actingSuperadmin, kind, scopes, passed);
    }
}
