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

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * Parses each entry; a malformed one fails at start-up rather than silently trusting nobody.
     *
     * @throws IllegalArgumentException naming the entry that is neither an IP address nor a CIDR range
     */
    public static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String trimmed = entry.strip();
            int slash = trimmed.indexOf('/');
            byte[] address = bytes(slash < 0 ? trimmed : trimmed.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("opencredit.security.trusted-proxies: '" + entry + "' is not an IP address or CIDR range");
            }
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(trimmed.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("opencredit.security.trusted-proxies: '" + entry + "' has no valid prefix length");
                }
            }
            ranges.add(new Range(address, prefix));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    public boolean contains(String address) {
        if (ranges.isEmpty()) {
            return false;
        }
        byte[] bytes = bytes(address);
        return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
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
