package dev.tenancy.command.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DomainPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme.com", "app.acme.co.uk", "xn--bcher-kva.example", "a.b", "my-shop.example.com"})
    void hostNamesAreAccepted(String domain) {
        assertThat(DomainPolicy.violation(domain, "tenancy.test")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "192.168.1.1", "-acme.com", "acme-.com", "ac_me.com", "acme..com", ".acme.com",
            "tenancy.test", "acme.tenancy.test", "a.b.tenancy.test", "acme.123", "ACME.com"})
    void otherNamesAreRefused(String domain) {
        assertThat(DomainPolicy.violation(domain, "tenancy.test")).as(domain).isPresent();
    }

    @Test
    void lengthLimitsOfLabelsAndNames() {
        assertThat(DomainPolicy.violation("a".repeat(63) + ".com", "localhost")).isEmpty();
        assertThat(DomainPolicy.violation("a".repeat(64) + ".com", "localhost")).isPresent();
        String name = ("a".repeat(61) + ".").repeat(4) + "com";
        assertThat(name).hasSize(251);
        assertThat(DomainPolicy.violation(name, "localhost")).isEmpty();
        assertThat(DomainPolicy.violation("abc" + name, "localhost")).isPresent();
    }

    @Test
    void domainsAreComparedLowerCaseWithoutATrailingDot() {
        assertThat(DomainPolicy.normalize(" Shop.ACME.com. ")).isEqualTo("shop.acme.com");
        assertThat(DomainPolicy.violation(DomainPolicy.normalize("Shop.Acme.COM"), "localhost")).isEmpty();
    }
}
