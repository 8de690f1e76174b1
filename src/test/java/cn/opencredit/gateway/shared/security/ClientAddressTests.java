package cn.opencredit.gateway.shared.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTests {

    private static final List<String> PROXIES = List.of("10.0.0.1", "10.0.0.2");

    @Test
    void shouldCountThePeerWhenNoProxyIsTrusted() {
        assertEquals("198.51.100.7", ClientAddress.resolve("198.51.100.7", "203.0.113.9", List.of()));
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
}
