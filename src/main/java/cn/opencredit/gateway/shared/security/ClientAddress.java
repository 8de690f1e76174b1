package cn.opencredit.gateway.shared.security;

import java.util.List;

/**
 * The address an anonymous caller is counted under. {@code X-Forwarded-For} is believed only
 * when the direct peer is a trusted proxy, and then only as far as the chain stays inside trusted
 * proxies: anyone can write that header, so the first hop from outside is the client.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String resolve(String peer, String forwardedFor, List<String> trustedProxies) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
