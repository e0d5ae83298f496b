package dev.tenancy.platform.context;

import jakarta.servlet.http.HttpServletRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The client's address. {@code X-Forwarded-For} is believed only when the direct peer is a trusted proxy, and then
 * read right to left, skipping further trusted proxies: a client cannot forge its address by sending the header.
 */
public class ClientAddressResolver {

    private final List<Cidr> trustedProxies;

    public ClientAddressResolver(List<String> trustedProxyCidrs) {
        this.trustedProxies = trustedProxyCidrs.stream().map(Cidr::parse).toList();
    }

    public String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return hops[0].trim();
    }

    private boolean isTrusted(String address) {
        return trustedProxies.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** An IPv4 or IPv6 network in CIDR notation. */
    public record Cidr(byte[] network, int prefix) {

        public static Cidr parse(String text) {
            String[] parts = text.trim().split("/");
            byte[] address = literal(parts[0]);
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("prefix out of range in " + text);
            }
            return new Cidr(address, prefix);
        }

        public boolean contains(String address) {
            byte[] candidate;
            try {
                candidate = literal(address);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }

        /** Parses an IP literal without ever resolving a host name. */
        static byte[] literal(String text) {
            String value = text.trim();
            boolean ipv4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean ipv6 = value.contains(":") && value.matches("[0-9a-fA-F:.]+");
            if (!ipv4 && !ipv6) {
                throw new IllegalArgumentException("not an IP address: " + text);
            }
            try {
                return InetAddress.getByName(value).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + text, e);
            }
        }
    }
}
