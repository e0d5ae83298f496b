package dev.tenancy.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class IpAllowListTest {

    private static IpAllowList list(String... entries) {
        return IpAllowList.of(Arrays.asList(entries));
    }

    @Test
    void anEmptyOrAbsentListAdmitsEveryone() {
        assertThat(IpAllowList.of(List.of()).isOpen()).isTrue();
        assertThat(IpAllowList.of(null).permits("198.51.100.1")).isTrue();
        assertThat(IpAllowList.of(List.of()).permits("garbage")).isTrue();
        assertThat(list("203.0.113.0/24").isOpen()).isFalse();
    }

    @Test
    void anIpv4RangeEndsExactlyAtItsBoundaries() {
        IpAllowList list = list("203.0.113.0/24");
        assertThat(list.permits("203.0.113.0")).isTrue();
        assertThat(list.permits("203.0.113.255")).isTrue();
        assertThat(list.permits("203.0.112.255")).isFalse();
        assertThat(list.permits("203.0.114.0")).isFalse();
    }

    @Test
    void prefixesThatDoNotEndOnAByteBoundary() {
        IpAllowList slash25 = list("198.51.100.128/25");
        assertThat(slash25.permits("198.51.100.128")).isTrue();
        assertThat(slash25.permits("198.51.100.255")).isTrue();
        assertThat(slash25.permits("198.51.100.127")).isFalse();
        IpAllowList slash31 = list("192.0.2.6/31");
        assertThat(slash31.permits("192.0.2.6")).isTrue();
        assertThat(slash31.permits("192.0.2.7")).isTrue();
        assertThat(slash31.permits("192.0.2.5")).isFalse();
        assertThat(slash31.permits("192.0.2.8")).isFalse();
        IpAllowList v6slash33 = list("2001:db8::/33");
        assertThat(v6slash33.permits("2001:db8:7fff:ffff::1")).isTrue();
        assertThat(v6slash33.permits("2001:db8:8000::")).isFalse();
    }

    @Test
    void aSingleAddressIsItsOwnSlash32OrSlash128() {
        assertThat(list("192.0.2.10").permits("192.0.2.10")).isTrue();
        assertThat(list("192.0.2.10").permits("192.0.2.11")).isFalse();
        assertThat(list("192.0.2.10/32").permits("192.0.2.10")).isTrue();
        assertThat(list("192.0.2.10/32").permits("192.0.2.9")).isFalse();
        assertThat(list("2001:db8::1").permits("2001:db8::1")).isTrue();
        assertThat(list("2001:db8::1/128").permits("2001:db8::1")).isTrue();
        assertThat(list("2001:db8::1/128").permits("2001:db8::2")).isFalse();
    }

    @Test
    void slashZeroAdmitsAWholeFamily() {
        IpAllowList allIpv4 = list("0.0.0.0/0");
        assertThat(allIpv4.permits("0.0.0.0")).isTrue();
        assertThat(allIpv4.permits("255.255.255.255")).isTrue();
        assertThat(allIpv4.permits("2001:db8::1")).as("an IPv6 caller is no IPv4 address").isFalse();
        IpAllowList everything = list("::/0");
        assertThat(everything.permits("2001:db8::1")).isTrue();
        assertThat(everything.permits("198.51.100.1")).isTrue();
    }

    @Test
    void ipv6IsComparedByValueNotBySpelling() {
        IpAllowList list = list("2001:DB8:0:0::/64");
        assertThat(list.permits("2001:db8::abcd")).isTrue();
        assertThat(list.permits("2001:0db8:0000:0000:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(list.permits("2001:db8:0:1::")).isFalse();
        assertThat(list("::1/128").permits("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void anIpv4MappedIpv6CallerIsTheIpv4AddressAndViceVersa() {
        assertThat(list("203.0.113.0/24").permits("::ffff:203.0.113.7")).isTrue();
        assertThat(list("203.0.113.0/24").permits("::ffff:cb00:7107")).isTrue();
        assertThat(list("203.0.113.0/24").permits("::ffff:198.51.100.7")).isFalse();
        assertThat(list("::ffff:203.0.113.0/120").permits("203.0.113.9")).isTrue();
        assertThat(list("::ffff:203.0.113.0/120").permits("203.0.114.9")).isFalse();
        assertThat(list("::ffff:0:0/96").permits("8.8.8.8")).as("all of IPv4, written as IPv6").isTrue();
    }

    @Test
    void addressesAsProxiesWriteThemWithPortsAndBrackets() {
        assertThat(list("203.0.113.0/24").permits("203.0.113.7:8443")).isTrue();
        assertThat(list("2001:db8::/32").permits("[2001:db8::1]:443")).isTrue();
        assertThat(list("2001:db8::/32").permits("[2001:db8::1]")).isTrue();
        assertThat(list("2001:db8::/32").permits(" 2001:db8::1 ")).isTrue();
    }

    @Test
    void hostNamesAreNeverResolved() {
        assertThat(list("127.0.0.0/8", "::1/128").permits("localhost")).isFalse();
        assertThat(IpAllowList.isValidEntry("localhost")).isFalse();
        assertThat(IpAllowList.isValidEntry("example.com/24")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/", "/24", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4/33", "1.2.3.4/-1",
            "1.2.3.4/", "1.2.3.4/24/1", "1.2.3.4/x", "1.2.3.4/0024", "::/129", "2001:db8::/", ":::", "2001:db8::g",
            "fe80::1%eth0", "[::1]/128", ".:1", "::ffff:999.1.1.1", "１.２.３.４", "1.2.3.4 /24", "12345::",
            "1:2:3:4:5:6:7:8:9", "not an address"})
    void garbageIsNoEntryAndNoAddressAndNeverThrows(String garbage) {
        assertThatCode(() -> {
            assertThat(IpAllowList.isValidEntry(garbage)).as("entry %s", garbage).isFalse();
            assertThat(IpAllowList.address(garbage)).as("address %s", garbage).isEmpty();
            assertThat(list("::/0", garbage).permits(garbage)).as("permits %s", garbage).isFalse();
        }).doesNotThrowAnyException();
    }

    @Test
    void callersWhoseAddressCannotBeReadAreOnNoList() {
        assertThat(list("::/0", "0.0.0.0/0").permits(null)).isFalse();
        assertThat(list("::/0", "0.0.0.0/0").permits("")).isFalse();
        assertThat(list("::/0", "0.0.0.0/0").permits("unknown")).isFalse();
        assertThat(list("::/0", "0.0.0.0/0").permits("1.2.3.4.5")).isFalse();
    }

    @Test
    void aListOfOnlyUnreadableEntriesAdmitsNobodyRatherThanEverybody() {
        IpAllowList list = list("nonsense", "1.2.3.4/99");
        assertThat(list.isOpen()).isFalse();
        assertThat(list.permits("1.2.3.4")).isFalse();
    }

    @Test
    void validEntriesAreTheOnesATenantMaySave() {
        assertThat(List.of("10.0.0.0/8", "192.0.2.1", "0.0.0.0/0", "2001:db8::/32", "::1", "::/0",
                "::ffff:10.0.0.0/104", " 203.0.113.0/24 ")).allMatch(IpAllowList::isValidEntry);
    }
}
