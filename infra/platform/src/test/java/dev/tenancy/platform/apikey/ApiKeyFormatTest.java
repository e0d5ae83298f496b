package dev.tenancy.platform.apikey;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyFormatTest {

    @Test
    void aNewKeyIsMarkerPrefixAndSecretAndNamesItsPrefix() {
        NewApiKey key = ApiKeyFormat.generate();

        assertThat(key.key()).matches("tpk_[A-Za-z0-9]{12}_[A-Za-z0-9]{43}");
        assertThat(key.key()).startsWith("tpk_" + key.prefix() + "_");
        assertThat(ApiKeyFormat.prefixOf(key.key())).contains(key.prefix());
        assertThat(ApiKeyFormat.looksLikeKey(key.key())).isTrue();
        assertThat(key.toString()).doesNotContain(key.key().substring(17));
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> prefixes = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            NewApiKey key = ApiKeyFormat.generate();
            prefixes.add(key.prefix());
            keys.add(key.key());
        }
        assertThat(prefixes).hasSize(1_000);
        assertThat(keys).hasSize(1_000);
    }

    @Test
    void onlyTheWholeKeyMatchesItsHash() {
        NewApiKey key = ApiKeyFormat.generate();
        String hash = key.hash();
        String lastCharChanged = key.key().substring(0, key.key().length() - 1)
                + (key.key().endsWith("a") ? "b" : "a");

        assertThat(hash).hasSize(64).isEqualTo(ApiKeyFormat.hash(key.key())).doesNotContain(key.prefix());
        assertThat(ApiKeyFormat.matches(key.key(), hash)).isTrue();
        assertThat(ApiKeyFormat.matches(lastCharChanged, hash)).isFalse();
        assertThat(ApiKeyFormat.matches(key.key(), "not-hex")).isFalse();
        assertThat(ApiKeyFormat.matches(key.key(), null)).isFalse();
    }

    @Test
    void anythingButAWellFormedKeyHasNoPrefix() {
        String secret = "a".repeat(43);
        assertThat(ApiKeyFormat.prefixOf("tpk_ABCDEFGHIJKL_" + secret)).contains("ABCDEFGHIJKL");
        assertThat(ApiKeyFormat.prefixOf("tpk_ABCDEFGHIJK_" + secret)).isEmpty();
        assertThat(ApiKeyFormat.prefixOf("tpk_ABCDEFGHIJKL_" + secret + "a")).isEmpty();
        assertThat(ApiKeyFormat.prefixOf("tpk_ABCDEFGHIJKL_" + "a".repeat(42) + "-")).isEmpty();
        assertThat(ApiKeyFormat.prefixOf("eyJhbGciOiJIUzI1NiJ9.e30.x")).isEmpty();
        assertThat(ApiKeyFormat.prefixOf(null)).isEmpty();
        assertThat(ApiKeyFormat.looksLikeKey("eyJhbGciOiJIUzI1NiJ9.e30.x")).isFalse();
    }
}
