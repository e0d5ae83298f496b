package dev.tenancy.command.tenant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DnsTxtDomainVerifierTest {

    private FakeDnsServer dns;
    private DnsTxtDomainVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        dns = new FakeDnsServer();
        verifier = new DnsTxtDomainVerifier(dns.url(), Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        verifier.destroy();
        dns.close();
    }

    @Test
    void theDomainIsVerifiedWhenOneOfItsTxtRecordsCarriesTheToken() {
        dns.txt("_tenancy-verification.shop.acme.example", List.of(List.of("v=spf1 -all"),
                List.of("tenancy-verification=tok-123")));
        assertThat(verifier.verify("shop.acme.example", "tok-123")).isTrue();
        assertThat(verifier.verify("shop.acme.example", "tok-999")).isFalse();
    }

    @Test
    void aRecordSplitIntoSeveralStringsIsJoined() {
        dns.txt("_tenancy-verification.shop.acme.example", List.of(List.of("tenancy-verification=", "tok-123")));
        assertThat(verifier.verify("shop.acme.example", "tok-123")).isTrue();
    }

    @Test
    void aMissingRecordIsNotVerified() {
        assertThat(verifier.verify("nothing.acme.example", "tok-123")).isFalse();
    }

    @Test
    void aResolverThatDoesNotAnswerCountsAsNotVerifiedWithinTheTimeout() {
        dns.silent();
        long start = System.nanoTime();
        assertThat(verifier.verify("shop.acme.example", "tok-123")).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void quotedCharacterStringsAreUnquotedAndJoined() {
        assertThat(DnsTxtDomainVerifier.unquote("tenancy-verification=abc")).isEqualTo("tenancy-verification=abc");
        assertThat(DnsTxtDomainVerifier.unquote("tenancy-verification= abc")).isEqualTo("tenancy-verification=abc");
        assertThat(DnsTxtDomainVerifier.unquote("\"\" tenancy-verification=abc")).isEqualTo(
                "tenancy-verification=abc");
        assertThat(DnsTxtDomainVerifier.unquote("\"a \\\"b\\\" c\"")).isEqualTo("a \"b\" c");
    }
}
