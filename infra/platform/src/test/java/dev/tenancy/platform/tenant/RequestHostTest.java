package dev.tenancy.platform.tenant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHostTest {

    private final RequestHost hosts = new RequestHost(List.of("10.0.0.0/8", "::1/128"));

    @Test
    void theHostHeaderIsNormalised() {
        assertThat(hosts.of(request("192.0.2.1", "Acme.Example.COM:8443", null))).isEqualTo("acme.example.com");
        assertThat(hosts.of(request("192.0.2.1", "acme.example.com.", null))).isEqualTo("acme.example.com");
        assertThat(hosts.of(request("192.0.2.1", "[2001:db8::1]:8080", null))).isEqualTo("2001:db8::1");
    }

    @Test
    void forwardedHostIsIgnoredFromAnUntrustedPeer() {
        assertThat(hosts.of(request("192.0.2.1", "localhost", "acme.example.com"))).isEqualTo("localhost");
    }

    @Test
    void aTrustedProxysOwnEntryWins() {
        assertThat(hosts.of(request("10.1.2.3", "svc:8081", "evil.example.com, acme.example.com:443")))
                .isEqualTo("acme.example.com");
        assertThat(hosts.of(request("::1", "svc:8081", "acme.example.com"))).isEqualTo("acme.example.com");
        assertThat(hosts.of(request("10.1.2.3", "svc:8081", null))).isEqualTo("svc");
    }

    @Test
    void ipLiteralsAreRecognised() {
        assertThat(RequestHost.isIpLiteral("127.0.0.1")).isTrue();
        assertThat(RequestHost.isIpLiteral("2001:db8::1")).isTrue();
        assertThat(RequestHost.isIpLiteral("acme.localhost")).isFalse();
    }

    private static MockHttpServletRequest request(String peer, String host, String forwardedHost) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        request.setRemoteAddr(peer);
        request.addHeader("Host", host);
        if (forwardedHost != null) {
            request.addHeader(RequestHost.FORWARDED_HOST, forwardedHost);
        }
        return request;
    }
}
