package dev.tenancy.command.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void acceptsLongMixedPasswords() {
        assertThat(PasswordPolicy.violation("correct-horse-42", "a@b.test")).isEmpty();
        assertThat(PasswordPolicy.violation("abcd1234".repeat(9), "a@b.test")).isEmpty();
    }

    @Test
    void refusesWhatIsShortOrEasyToGuess() {
        assertThat(PasswordPolicy.violation(null, null)).contains("password is required");
        assertThat(PasswordPolicy.violation("short-pw-1", null)).hasValueSatisfying(v -> assertThat(v)
                .contains("at least 12"));
        assertThat(PasswordPolicy.violation("onlylettershere", null)).isPresent();
        assertThat(PasswordPolicy.violation("123456789012345", null)).isPresent();
        assertThat(PasswordPolicy.violation("aaaaaaaaaaa1", null)).hasValueSatisfying(v -> assertThat(v)
                .contains("too few different"));
        assertThat(PasswordPolicy.violation("Password1234", null)).contains("password is too easy to guess");
        assertThat(PasswordPolicy.violation("me@example.test", "Me@Example.test"))
                .contains("password is too easy to guess");
    }

    /** BCrypt refuses to hash more than 72 bytes; the policy says so before it would fail. */
    @Test
    void refusesMoreThanSeventyTwoBytes() {
        assertThat(PasswordPolicy.violation("abcd1234".repeat(9) + "z", null)).hasValueSatisfying(v -> assertThat(v)
                .contains("72 bytes"));
        assertThat(PasswordPolicy.violation("ü1".repeat(25), null)).hasValueSatisfying(v -> assertThat(v)
                .contains("72 bytes"));
        assertThat(new Passwords(4).hash("abcd1234".repeat(9))).startsWith("$2a$04$");
    }
}
