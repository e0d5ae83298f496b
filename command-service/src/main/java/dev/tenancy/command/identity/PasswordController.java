package dev.tenancy.command.identity;

import dev.tenancy.api.user.command.RecordPasswordChangeCommand;
import dev.tenancy.command.web.TenantCommands;
import dev.tenancy.platform.security.AllowedWithoutSecondFactor;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person changes their own password. Every session they had ends, on every service, and the answer is a fresh one:
 * whoever might have known the old password loses what they had.
 */
@RestController
@RequestMapping("/api/v1/auth")
@AllowedWhenSuspended
@AllowedWithoutSecondFactor
public class PasswordController {

    private final People people;
    private final CredentialStore credentials;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final TenantCommands commands;

    public PasswordController(People people, CredentialStore credentials, Passwords passwords, LoginThrottle throttle,
                              Sessions sessions, TenantCommands commands) {
        this.people = people;
        this.credentials = credentials;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.commands = commands;
    }

    @PostMapping("/password")
    @Operation(summary = "Change your password", description = "Needs the current password (401 "
            + "invalid-credentials when wrong; failures count towards the sign-in lockout, 429 too-many-attempts) "
            + "and a new one that passes the password policy (400). Ends every session of the user and answers "
            + "new tokens. Not for API keys or impersonation sessions (403); the superadmin's password is set by "
            + "SUPERADMIN_PASSWORD (403). The web console gets the new session in its cookies, as at sign-in.")
    public LoginResponse change(@RequestBody PasswordChangeRequest request, HttpServletRequest http,
                                HttpServletResponse response) {
        Person person = people.current();
        if (person.user().isSuperadmin()) {
            throw IdentityProblems.forbidden("The superadmin's password is set by SUPERADMIN_PASSWORD and applied "
                    + "at the next start; change it there.");
        }
        FieldErrors errors = new FieldErrors().require("currentPassword", request.currentPassword())
                .check("newPassword", PasswordPolicy.violation(request.newPassword(), person.credential().email()));
        if (!errors.has("newPassword") && request.newPassword().equals(request.currentPassword())) {
            errors.add("newPassword", "newPassword must differ from the current password");
        }
        errors.throwIfAny();
        Credential credential = person.credential();
        LoginAttempt attempt = throttle.begin(credential.scope(), credential.email());
        if (!passwords.matches(request.currentPassword(), credential.passwordHash())) {
            throw IdentityProblems.wrongCurrentPassword();
        }
        throttle.succeeded(attempt);
        String hash = passwords.hash(request.newPassword());
        commands.send(new RecordPasswordChangeCommand(person.tenantId(), credential.userId()));
        credentials.changePasswordHash(credential.userId(), hash);
        sessions.endAll(credential.userId());
        return AuthController.console(http, response, sessions.open(credential, person.user().secondFactor()));
    }
}
