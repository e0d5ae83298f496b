package dev.tenancy.command.identity;

import dev.tenancy.platform.security.AuthenticatedUser;

/** The person behind the request's access token, with their credential. */
record Person(AuthenticatedUser user, Credential credential) {

    /** The tenant the person belongs to; null for a superadmin. */
    String tenantId() {
        return CredentialStore.PLATFORM_SCOPE.equals(credential.scope()) ? null : credential.scope();
    }
}
