package cn.opencredit.gateway.shared.cache;

import java.nio.charset.StandardCharsets;

/**
 * An answer as it is cached: the JSON body exactly as served, as UTF-8 bytes, so a hit is sent
 * without being parsed, serialised or even encoded again.
 *
 * @param body  the body's bytes; null when the answer is "not found"
 * @param etag  a strong entity tag of the body
 * @param hit   whether it came from the cache
 */
public record CachedJson(byte[] body, String etag, boolean hit) {

    public boolean found() {
        return body != null;
    }

    /** The body as text, for the few readers that parse it (the portal, tests); null when not found. */
    public String json() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    /** The same answer as served again from a cache. */
    CachedJson asHit() {
        return hit ? this : new CachedJson(body, etag, true);
    }
}
