package dev.tenancy.command.identity;

import dev.tenancy.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The answers of sign-in checks; a wrong email, password or tenant all look the same. */
final class IdentityProblems {

    private IdentityProblems() {
    }

    static ApiProblem invalidCredentials() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Sign-in failed",
                "The email, password or tenant is not right.");
    }

    static ApiProblem wrongCurrentPassword() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Wrong password",
                "The current password is not right.");
    }

    static ApiProblem invalidMfaCode() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-mfa-code", "Invalid code",
                "The authenticator or recovery code is wrong, expired or already used.");
    }

    static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, code, "Conflict", detail);
    }
}
