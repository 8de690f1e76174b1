package cn.opencredit.gateway.shared.security;

import java.util.List;

import io.vertx.core.http.HttpServerRequest;

/**
 * The address an anonymous caller, or a caller whose key failed, is counted under. {@code X-Forwarded-For} is believed only
 * when the direct peer is a trusted proxy, and then only as far as the chain stays inside trusted
 * proxies: anyone can write that header, so the first hop from outside is the client.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The client of {@code request}, as far as the trusted proxies in front of the gateway tell. */
    public static String of(HttpServerRequest request, SecurityConfig config) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return resolve(peer, request.getHeader("X-Forwarded-For"), config.trustedProxies().orElse(List.of()));
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
