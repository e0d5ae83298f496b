package dev.tenancy.command.settings;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsSecretsTest {

    private static final String JWT = "test-secret-test-secret-test-secret-0123456789";
    private static final String FIELD = "security.sso.clientSecret";
    private final SettingsSecrets secrets = new SettingsSecrets("", JWT);

    @Test
    void aSecretIsSealedAndOpenedAgain() {
        String sealed = secrets.seal("t-1", FIELD, "client-secret-ü");
        assertThat(sealed).startsWith("enc:v1:").doesNotContain("client-secret");
        assertThat(secrets.open("t-1", FIELD, sealed)).isEqualTo("client-secret-ü");
    }

    @Test
    void theSameSecretSealsTheSameAndAnotherDifferently() {
        assertThat(secrets.seal("t-1", FIELD, "a")).isEqualTo(secrets.seal("t-1", FIELD, "a"))
                .isNotEqualTo(secrets.seal("t-1", FIELD, "b"))
                .isNotEqualTo(secrets.seal("t-2", FIELD, "a"));
    }

    @Test
    void aSealedValueOnlyOpensForItsTenantFieldAndKey() {
        String sealed = secrets.seal("t-1", FIELD, "s");
        assertThatThrownBy(() -> secrets.open("t-2", FIELD, sealed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> secrets.open("t-1", "other", sealed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettingsSecrets("own-key", JWT).open("t-1", FIELD, sealed))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring("enc:v1:".length()));
        raw[raw.length - 1] ^= 1;
        String tampered = "enc:v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> secrets.open("t-1", FIELD, tampered)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOwnEncryptionKeyWinsOverTheJwtSecret() {
        SettingsSecrets own = new SettingsSecrets("own-key", JWT);
        assertThat(own.seal("t-1", FIELD, "s")).isNotEqualTo(secrets.seal("t-1", FIELD, "s"));
        assertThat(new SettingsSecrets("own-key", "another-jwt-secret-another-jwt-secret")
                .open("t-1", FIELD, own.seal("t-1", FIELD, "s"))).isEqualTo("s");
    }

    @Test
    void withoutAnyKeyNothingCanBeSealed() {
        assertThatThrownBy(() -> new SettingsSecrets("", "")).isInstanceOf(IllegalStateException.class);
    }
}
