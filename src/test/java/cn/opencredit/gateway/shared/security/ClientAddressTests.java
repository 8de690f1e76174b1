package cn.opencredit.gateway.shared.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTests {

    private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("10.0.0.1", "10.0.0.2"));
    private static final TrustedProxies NONE = TrustedProxies.of(List.of());

    @Test
    void shouldCountThePeerWhenNoProxyIsTrusted() {
        assertEquals("198.51.100.7", ClientAddress.resolve("198.51.100.7", "203.0.113.9", NONE));
    }

    @Test
    void shouldIgnoreAForwardedHeaderFromAnUntrustedPeer() {
        assertEquals("198.51.100.7", ClientAddress.resolve("198.51.100.7", "203.0.113.9", PROXIES));
    }

    @Test
    void shouldTakeTheFirstHopFromOutsideTheTrustedProxies() {
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", "203.0.113.9", PROXIES));
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", "203.0.113.9, 10.0.0.2", PROXIES));
    }

    @Test
    void shouldNotBelieveWhatTheClientWroteBeforeItsOwnHop() {
        // The client sent "X-Forwarded-For: 192.0.2.66" itself; the proxy appended the address it saw.
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", "192.0.2.66, 203.0.113.9", PROXIES));
    }

    @Test
    void shouldFallBackToThePeerWhenTheHeaderIsBlankOrHoldsOnlyProxies() {
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", "  ", PROXIES));
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", null, PROXIES));
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", "10.0.0.2, ,10.0.0.1", PROXIES));
    }

    @Test
    void shouldSkipEmptyHops() {
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", "203.0.113.9,,", PROXIES));
    }

    @Test
    void shouldEndTheTrustAtAHopThatIsNotAnAddress() {
        // What the client wrote, passed on by a trusted proxy: each made-up string would otherwise be a client of its own.
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", "unknown", PROXIES));
        assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.1", "203.0.113.9, _hidden, 10.0.0.2", PROXIES));
        assertEquals("198.51.100.4", ClientAddress.resolve("10.0.0.1", "_hidden, 198.51.100.4", PROXIES));
    }

    @Test
    void shouldReadTheConfiguredListWhenTheConfigurationIsLoaded() {
        TrustedProxies read = new TrustedProxiesConverter().convert(" 10.0.0.0/8 , 192.0.2.7,");
        assertTrue(read.contains("10.200.0.1"));
        assertTrue(read.contains("192.0.2.7"));
        assertFalse(read.contains("192.0.2.8"));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxiesConverter().convert("10.0.0.0/8,ingress"));
        assertFalse(TrustedProxies.NONE.contains("10.0.0.1"));
    }

    @Test
    void shouldTrustWholeRangesOfProxies() {
        TrustedProxies cluster = TrustedProxies.of(List.of("10.0.0.0/8", "172.16.0.0/12", "fd00::/8"));
        assertTrue(cluster.contains("10.244.3.17"));
        assertTrue(cluster.contains("172.31.255.255"));
        assertFalse(cluster.contains("172.32.0.1"));
        assertTrue(cluster.contains("fd12:3456::1"));
        assertFalse(cluster.contains("fe80::1"));
        assertTrue(cluster.contains("::ffff:10.1.2.3"), "an IPv4 peer reported as an IPv4-mapped IPv6 address");
        assertFalse(cluster.contains("unknown"));
        assertTrue(cluster.contains("10.0.0.1:8080"), "a hop some proxies write with its port");
        assertTrue(cluster.contains("[fd12::1]:443"));
        assertEquals("203.0.113.9", ClientAddress.resolve("10.244.0.5", "203.0.113.9, 10.244.1.9", cluster));
        assertTrue(TrustedProxies.of(List.of("0.0.0.0/0")).contains("192.0.2.1"));
        assertTrue(TrustedProxies.of(List.of("::ffff:10.0.0.0/104")).contains("10.1.2.3"), "an IPv4-mapped range is its IPv4 range");
        assertTrue(TrustedProxies.of(List.of("192.0.2.128/25")).contains("192.0.2.200"));
        assertFalse(TrustedProxies.of(List.of("192.0.2.128/25")).contains("192.0.2.100"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingress.example.com", "10.0.0.0/33", "10.0.0.0/", "10.0.0/8", "fd00::/129", "10.0.0.0/-1", "", "10.0.0.0/+8",
        "10.0.0.5/8", "fd00::1/8", "10.0.0.1:8080", "[fd00::1]", "fe80::1%eth0", "::ffff:10.0.0.0/64"})
    void shouldRefuseEntriesThatAreNotAddressesOrRanges(String entry) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of(entry)));
        assertTrue(refused.getMessage().contains("opencredit.security.trusted-proxies"), refused.getMessage());
    }

    @Test
    void shouldCountAnIpv6ClientAsItsSlash64AndAnIpv4ClientAsItself() {
        assertEquals("2001:db8:1:2::/64", ClientAddress.counted("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.counted("2001:db8:1:2::1"));
        assertEquals("203.0.113.9", ClientAddress.counted("203.0.113.9"));
        assertEquals("203.0.113.9", ClientAddress.counted("::ffff:203.0.113.9"));
        assertEquals("unknown", ClientAddress.counted("unknown"));
        // A new source port, or a zone, must not make a new client.
        assertEquals("203.0.113.9", ClientAddress.counted("203.0.113.9:51234"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.counted("[2001:db8:1:2::7]:443"));
        assertEquals("fe80::/64", ClientAddress.counted("fe80::1%eth0"));
    }
}
