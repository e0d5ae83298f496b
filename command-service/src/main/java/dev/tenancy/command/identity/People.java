package dev.tenancy.command.identity;

import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.Authentication;
import dev.tenancy.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may manage their own sign-in: a person with their own access token. An API key is no person, and a superadmin
 * impersonating a user must not change that user's password or second factor.
 */
@Component
class People {

    private final CredentialStore credentials;

    People(CredentialStore credentials) {
        this.credentials = credentials;
    }

    Person current() {
        AuthenticatedUser user = Authentication.currentUser();
        if (user.kind() != ActorKind.USER) {
            throw IdentityProblems.forbidden("Only a person signed in with their own account can do this, not an "
                    + "API key.");
        }
        if (user.actingSuperadmin() != null && !user.isSuperadmin()) {
            throw IdentityProblems.forbidden("An impersonation session cannot change the impersonated user's "
                    + "sign-in.");
        }
        String scope = user.tenantId() == null ? CredentialStore.PLATFORM_SCOPE : user.tenantId();
        Credential credential = credentials.findById(user.userId())
                .filter(found -> found.scope().equals(scope))
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                        "Authentication required", "The signed-in account no longer exists."));
        return new Person(user, credential);
    }
}
