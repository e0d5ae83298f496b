package dev.tenancy.command.identity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 secret. */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final String RFC_SECRET_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codesMatchTheTestVectorsOfRfc6238() {
        assertThat(Totp.code(RFC_SECRET, 59 / 30, 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_SECRET, 1111111109L / 30, 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_SECRET, 1111111111L / 30, 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_SECRET, 1234567890L / 30, 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_SECRET, 2000000000L / 30, 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_SECRET, 20000000000L / 30, 8)).isEqualTo("65353130");
        assertThat(Totp.code(RFC_SECRET_BASE32, Instant.ofEpochSecond(1111111109L))).isEqualTo("081804");
    }

    @Test
    void base32RoundTripsAndReadsWhatAppsShow() {
        assertThat(Base32.encode(RFC_SECRET)).isEqualTo(RFC_SECRET_BASE32);
        assertThat(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_SECRET);
        assertThat(Base32.encode(new byte[]{(byte) 0xFF})).isEqualTo("74");
        assertThat(Base32.decode("74")).containsExactly((byte) 0xFF);
        assertThatThrownBy(() -> Base32.decode("AB1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndTellsWhichStep() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-11-27T10:00:15Z");
        long step = Totp.step(now);

        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now), now)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.minusSeconds(30)), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.plusSeconds(30)), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.minusSeconds(60)), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.plusSeconds(60)), now)).isEmpty();
    }

    @Test
    void somethingThatIsNotSixDigitsNeverMatches() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-11-27T10:00:15Z");

        assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345a", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now) + "0", now)).isEmpty();
    }
}
