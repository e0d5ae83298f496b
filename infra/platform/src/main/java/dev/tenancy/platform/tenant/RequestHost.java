package dev.tenancy.platform.tenant;

import dev.tenancy.platform.context.ClientAddressResolver.Cidr;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The host a client asked for. {@code X-Forwarded-Host} is believed only when the direct peer is a trusted proxy
 * (the same {@code tenancy.trusted-proxies} that guard {@code X-Forwarded-For}), and then only its last entry: the
 * one that proxy appended itself. Earlier entries may come from the client, which must not pick a tenant's host.
 */
public class RequestHost {

    static final String FORWARDED_HOST = "X-Forwarded-Host";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Cidr> trustedProxies;

    public RequestHost(List<String> trustedProxyCidrs) {
        this.trustedProxies = trustedProxyCidrs.stream().filter(c -> !c.isBlank()).map(Cidr::parse).toList();
    }

    /** Lower case, without port or trailing dot; null when the request names no host. */
    public String of(HttpServletRequest request) {
        String host = null;
        if (isTrusted(request.getRemoteAddr())) {
            String forwarded = String.join(",", Collections.list(request.getHeaders(FORWARDED_HOST)));
            String[] hops = forwarded.split(",");
            host = hops[hops.length - 1].trim();
        }
        if (host == null || host.isEmpty()) {
            host = request.getHeader("Host");
        }
        if (host == null || host.isBlank()) {
            host = request.getServerName();
        }
        return host == null ? null : normalize(host);
    }

    private boolean isTrusted(String peer) {
        return peer != null && trustedProxies.stream().anyMatch(cidr -> cidr.contains(peer));
    }

    static String normalize(String host) {
        String value = host.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end > 0 ? value.substring(1, end) : value;
        }
        if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') >= 0) {
            value = value.substring(0, value.indexOf(':'));
        }
        while (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }
}
