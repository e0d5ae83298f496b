package dev.tenancy.command.identity;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** BCrypt hashing. A check against an unknown account still spends one hash, so timing does not tell who exists. */
@Component
public class Passwords {

    private final BCryptPasswordEncoder encoder;
    private final String decoyHash;

    public Passwords(@org.springframework.beans.factory.annotation.Value("${tenancy.password.bcrypt-strength:10}")
                     int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
        this.decoyHash = encoder.encode("decoy-password-never-matches");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    public void spendDecoyCheck(String password) {
        encoder.matches(password, decoyHash);
    }
}
