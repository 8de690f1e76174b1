package cn.opencredit.gateway.shared.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.netty.util.NetUtil;

/**
 * The reverse proxies and load balancers in front of the gateway, as addresses or CIDR ranges
 * ({@code 10.0.0.0/8}, {@code fd00::/8}): in a cluster the ingress controller's pods change address
 * with every restart, so only their range can be named.
 */
public final class TrustedProxies {

    private record Range(byte[] network, int prefix) {

        /** Whether every host bit, after the prefix, is zero. */
        boolean isNetwork() {
            for (int bit = prefix; bit < network.length * 8; bit++) {
                if ((network[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                    return false;
                }
            }
            return true;
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
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
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    /** No proxy trusted: every caller counts as its peer. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * Parses each entry; a malformed one fails at start-up rather than silently trusting nobody, or
     * more than meant: an address with host bits under its prefix ({@code 10.0.0.5/8}) is refused
     * as the typo it most likely is.
     *
     * @throws IllegalArgumentException naming the entry that is neither an IP address nor a CIDR range
     */
    public static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String trimmed = entry.strip();
            int slash = trimmed.indexOf('/');
            String literal = slash < 0 ? trimmed : trimmed.substring(0, slash);
            // Ports and zones belong to hops in X-Forwarded-For, not to the configured proxies.
            byte[] address = literal.equals(withoutPort(literal)) && literal.indexOf('%') < 0 ? bytes(literal) : null;
            if (address == null) {
                throw refused(entry, "is not an IP address or CIDR range");
            }
            // An IPv4-mapped IPv6 range is kept as the IPv4 range it maps.
            int offset = literal.indexOf(':') >= 0 && address.length == 4 ? 96 : 0;
            int prefix = address.length * 8;
            if (slash >= 0) {
                String digits = trimmed.substring(slash + 1);
                prefix = digits.matches("\\d{1,3}") ? Integer.parseInt(digits) - offset : -1;
                if (prefix < 0 || prefix > address.length * 8) {
                    throw refused(entry, "has no valid prefix length");
                }
            }
            Range range = new Range(address, prefix);
            if (!range.isNetwork()) {
                throw refused(entry, "has host bits set under its prefix; write the network address");
            }
            ranges.add(range);
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    private static IllegalArgumentException refused(String entry, String why) {
        return new IllegalArgumentException("opencredit.security.trusted-proxies: '" + entry + "' " + why);
    }

    public boolean contains(String address) {
        if (ranges.isEmpty()) {
            return false;
        }
        byte[] bytes = bytes(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The address's bytes, 4 for IPv4 (also when written as an IPv4-mapped IPv6 address) and 16 for
     * IPv6; null for anything that is not an IP literal. A port, which some proxies write into
     * {@code X-Forwarded-For} ({@code 203.0.113.9:51234}, {@code [2001:db8::1]:443}), is dropped:
     * it changes with every connection and would give each its own budget. Never resolves a name.
     */
    static byte[] bytes(String address) {
        if (address == null || address.isEmpty()) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(withoutPort(address));
        if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    private static String withoutPort(String address) {
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            return close < 0 ? address : address.substring(1, close);
        }
        int colon = address.indexOf(':');
        // One colon is an IPv4 address with a port; IPv6 has at least two.
        return colon > 0 && colon == address.lastIndexOf(':') ? address.substring(0, colon) : address;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }
}
