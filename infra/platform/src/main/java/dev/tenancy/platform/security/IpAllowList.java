package dev.tenancy.platform.security;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant's IP allow-list: IPv4 and IPv6 ranges in CIDR notation, or single addresses. Every address is compared in
 * its 16-byte IPv6 form, IPv4 as IPv4-mapped ({@code ::ffff:a.b.c.d}), so a dual-stack server's view of an IPv4
 * caller matches the IPv4 range it is in; consequently {@code ::/0} admits every caller, {@code 0.0.0.0/0} every
 * IPv4 caller. Nothing here resolves a host name, and nothing throws: an entry that is not a range matches nothing,
 * and a caller whose address cannot be read is on no list.
 */
public final class IpAllowList {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Starts like the JDK's literal parser expects; anything else it would look up as a host name. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]{1,44}");
    private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");
    /** How proxies write an address with a port: {@code [2001:db8::1]:443}, {@code 203.0.113.7:443}. */
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)](?::\\d{1,5})?");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([\\d.]+):\\d{1,5}");
    private static final int IPV4_MAPPED_OFFSET = 96;

    private final List<String> entries;
    private final List<Range> ranges;

    private IpAllowList(List<String> entries) {
        this.entries = List.copyOf(entries);
        this.ranges = this.entries.stream().map(IpAllowList::range).flatMap(Optional::stream).toList();
    }

    /** The list of these entries; an empty or absent list admits every address. */
    public static IpAllowList of(List<String> entries) {
        return new IpAllowList(entries == null ? List.of() : entries);
    }

    /** The entries as given, readable or not. */
    public List<String> entries() {
        return entries;
    }

    /** True when the list has no entries at all: nobody is restricted. */
    public boolean isOpen() {
        return entries.isEmpty();
    }

    public boolean permits(String address) {
        if (isOpen()) {
            return true;
        }
        Optional<byte[]> candidate = address(address);
        return candidate.isPresent() && ranges.stream().anyMatch(range -> range.contains(candidate.get()));
    }

    /** Whether {@code entry} is a range this list understands: what a tenant may save. */
    public static boolean isValidEntry(String entry) {
        return range(entry).isPresent();
    }

    /** A caller's address as a request or proxy header gives it, port and brackets allowed, in 16-byte form. */
    static Optional<byte[]> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        Matcher bracketed = BRACKETED.matcher(value);
        Matcher withPort = IPV4_WITH_PORT.matcher(value);
        if (bracketed.matches()) {
            value = bracketed.group(1);
        } else if (withPort.matches()) {
            value = withPort.group(1);
        }
        return literal(value).map(Literal::bytes);
    }

    static Optional<Range> range(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split("/", -1);
        if (parts.length > 2 || (parts.length == 2 && !PREFIX.matcher(parts[1]).matches())) {
            return Optional.empty();
        }
        Optional<Literal> network = literal(parts[0]);
        if (network.isEmpty()) {
            return Optional.empty();
        }
        int bits = network.get().ipv4() ? 32 : 128;
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
        if (prefix > bits) {
            return Optional.empty();
        }
        return Optional.of(new Range(network.get().bytes(), network.get().ipv4() ? prefix + IPV4_MAPPED_OFFSET
                : prefix));
    }

    /** An IP literal, checked by shape before the JDK parses it, so that it is never taken for a host name. */
    private static Optional<Literal> literal(String value) {
        Matcher ipv4 = IPV4.matcher(value);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int group = 1; group <= 4; group++) {
                int octet = Integer.parseInt(ipv4.group(group));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[group - 1] = (byte) octet;
            }
            return Optional.of(new Literal(mapped(bytes), true));
        }
        if (!value.contains(":") || !IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(value).getAddress();
            // the JDK hands IPv4-mapped IPv6 literals back as IPv4 addresses
            return Optional.of(new Literal(bytes.length == 4 ? mapped(bytes) : bytes, false));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, mapped, 12, 4);
        return mapped;
    }

    private record Literal(byte[] bytes, boolean ipv4) {
    }

    /** A network of 16-byte addresses: the first {@code prefix} bits of {@code network}. */
    record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
