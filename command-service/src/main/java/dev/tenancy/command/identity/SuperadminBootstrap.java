package dev.tenancy.command.identity;

import dev.tenancy.api.user.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Makes the superadmin of {@code SUPERADMIN_EMAIL}/{@code SUPERADMIN_PASSWORD} able to sign in, re-hashing when the
 * password changed. Superadmins belong to no tenant, so this is credential state only, not an event.
 */
@Component
public class SuperadminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SuperadminBootstrap.class);

    private final CredentialStore credentials;
    private final Passwords passwords;
    private final String email;
    private final String password;

    public SuperadminBootstrap(CredentialStore credentials, Passwords passwords,
                               @Value("${tenancy.superadmin.email:}") String email,
                               @Value("${tenancy.superadmin.password:}") String password) {
        this.credentials = credentials;
        this.passwords = passwords;
        this.email = email;
        this.password = password;
    }

    public static String superadminId(String email) {
        return UUID.nameUUIDFromBytes(("superadmin:" + CredentialStore.normalizeEmail(email))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() || password.isBlank()) {
            log.warn("SUPERADMIN_EMAIL / SUPERADMIN_PASSWORD are not set: no superadmin can sign in");
            return;
        }
        PasswordPolicy.violation(password, email).ifPresent(reason -> {
            throw new IllegalStateException("SUPERADMIN_PASSWORD is not acceptable: " + reason);
        });
        var existing = credentials.find(CredentialStore.PLATFORM_SCOPE, email);
        if (existing.isPresent() && passwords.matches(password, existing.get().passwordHash())) {
            return;
        }
        credentials.save(new Credential(superadminId(email), CredentialStore.PLATFORM_SCOPE, email,
                passwords.hash(password), Role.SUPERADMIN));
        log.info("Superadmin {} is ready to sign in", CredentialStore.normalizeEmail(email));
    }
}
