package dev.tenancy.command.identity;

import dev.tenancy.api.user.command.DisableTwoFactorCommand;
import dev.tenancy.api.user.command.EnableTwoFactorCommand;
import dev.tenancy.command.web.TenantCommands;
import dev.tenancy.platform.security.AllowedWithoutSecondFactor;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An authenticator app as second factor: enroll (a pending secret), confirm with a first code (on, with recovery
 * codes), disable with a code or the password. Wrong codes and passwords count towards the sign-in lockout, so a
 * stolen session cannot be used to guess them.
 */
@RestController
@RequestMapping("/api/v1/auth/2fa")
@AllowedWhenSuspended
public class TwoFactorController {

    private final People people;
    private final SecondFactors factors;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final TenantCommands commands;
    private final String issuer;

    public TwoFactorController(People people, SecondFactors factors, Passwords passwords, LoginThrottle throttle,
                               Sessions sessions, TenantCommands commands,
                               @Value("${tenancy.two-factor.issuer:Tenancy Platform}") String issuer) {
        this.people = people;
        this.factors = factors;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.commands = commands;
        this.issuer = issuer;
    }

    @PostMapping("/enroll")
    @AllowedWithoutSecondFactor
    @Operation(summary = "Start setting up an authenticator app", description = "Answers a new secret and its "
            + "otpauth:// URI (for a QR code); nothing changes for signing in until it is confirmed. Enrolling again "
            + "replaces an unconfirmed secret. 409 two-factor-already-enabled.")
    public TwoFactorEnrollment enroll() {
        Person person = people.current();
        String secret = factors.enroll(person.credential()).orElseThrow(TwoFactorController::alreadyEnabled);
        return new TwoFactorEnrollment(secret, otpauthUri(person.credential().email(), secret));
    }

    @PostMapping("/confirm")
    @AllowedWithoutSecondFactor
    @Operation(summary = "Switch the authenticator app on", description = "With the app's current code: the "
            + "second factor is on from now, answers 10 single-use recovery codes (shown only now) and a fresh "
            + "session that counts as signed in with it (the web console gets it in its cookies, as at sign-in). "
            + "401 invalid-mfa-code, 409 two-factor-not-pending.")
    public TwoFactorConfirmation confirm(@RequestBody TwoFactorCodeRequest request, HttpServletRequest http,
                                         HttpServletResponse response) {
        Person person = people.current();
        new FieldErrors().require("code", request.code()).throwIfAny();
        Credential credential = person.credential();
        SecondFactors.State state = factors.state(credential.userId());
        if (state == SecondFactors.State.ENABLED) {
            throw alreadyEnabled();
        }
        if (state != SecondFactors.State.PENDING) {
            throw IdentityProblems.conflict("two-factor-not-pending", "There is no enrollment to confirm; "
                    + "POST /api/v1/auth/2fa/enroll first.");
        }
        LoginAttempt attempt = throttle.begin(credential.scope(), credential.email());
        if (!factors.matchesPending(credential, request.code())) {
            throw IdentityProblems.invalidMfaCode();
        }
        throttle.succeeded(attempt);
        if (person.tenantId() != null) {
            commands.send(new EnableTwoFactorCommand(person.tenantId(), credential.userId()));
        }
        List<String> recoveryCodes = factors.activate(credential);
        return TwoFactorConfirmation.of(recoveryCodes,
                AuthController.console(http, response, sessions.open(credential, true)));
    }

    @PostMapping("/disable")
    @Operation(summary = "Switch the second factor off", description = "Needs either a current code (or a "
            + "recovery code) or the password. 401 invalid-mfa-code / invalid-credentials, 409 "
            + "two-factor-not-enabled, 403 two-factor-required when the tenant requires a second factor.")
    public ResponseEntity<Void> disable(@RequestBody TwoFactorDisableRequest request) {
        Person person = people.current();
        boolean byCode = request.code() != null && !request.code().isBlank();
        boolean byPassword = request.password() != null && !request.password().isBlank();
        if (byCode == byPassword) {
            new FieldErrors().add("code", "give either code or password").add("password",
                    "give either code or password").throwIfAny();
        }
        Credential credential = person.credential();
        if (factors.state(credential.userId()) != SecondFactors.State.ENABLED) {
            throw IdentityProblems.conflict("two-factor-not-enabled", "The second factor is not on.");
        }
        if (CurrentTenant.find().map(tenant -> tenant.security().twoFactorRequired()).orElse(false)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "two-factor-required", "Second factor required",
                    "This tenant requires a second factor for every user; it cannot be switched off.");
        }
        LoginAttempt attempt = throttle.begin(credential.scope(), credential.email());
        if (byPassword && !passwords.matches(request.password(), credential.passwordHash())) {
            throw IdentityProblems.wrongCurrentPassword();
        }
        if (byCode && !factors.accept(credential, request.code())) {
            throw IdentityProblems.invalidMfaCode();
        }
        throttle.succeeded(attempt);
        if (person.tenantId() != null) {
            commands.send(new DisableTwoFactorCommand(person.tenantId(), credential.userId()));
        }
        factors.remove(credential.userId());
        return ResponseEntity.noContent().build();
    }

    private String otpauthUri(String email, String secret) {
        String label = encode(issuer) + ":" + encode(email);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ApiProblem alreadyEnabled() {
        return IdentityProblems.conflict("two-factor-already-enabled", "The second factor is already on; disable "
                + "it before enrolling a new app.");
    }
}
