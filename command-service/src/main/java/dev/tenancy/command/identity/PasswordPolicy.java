package dev.tenancy.command.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Length beats composition rules (NIST SP 800-63B): at least 12 characters, not only letters or only digits, not a
 * well-known password and not the account's own email. At most 72 bytes of UTF-8 (72 ASCII characters, fewer with
 * others): BCrypt reads no more and refuses to hash a longer password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiop12", "letmein12345",
            "welcome12345", "iloveyou1234", "admin1234567", "passw0rd1234", "password123!", "qwerty123456");

    private PasswordPolicy() {
    }

    public static Optional<String> violation(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password is required");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("password must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password must be at most " + MAX_BYTES + " bytes long in UTF-8 (72 ASCII characters)");
        }
        if (password.chars().allMatch(Character::isLetter) || password.chars().allMatch(Character::isDigit)) {
            return Optional.of("password must mix letters with digits or symbols");
        }
        if (password.chars().distinct().count() < 4) {
            return Optional.of("password repeats too few different characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || (email != null && lower.equals(email.trim().toLowerCase(Locale.ROOT)))) {
            return Optional.of("password is too easy to guess");
        }
        return Optional.empty();
    }
}
