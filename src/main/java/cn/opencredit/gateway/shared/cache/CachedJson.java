package cn.opencredit.gateway.shared.cache;

/**
 * An answer as it is cached: the JSON body exactly as served, so a hit is sent without being
 * parsed or serialised again.
 *
 * @param json  the body; null when the answer is "not found"
 * @param etag  a strong entity tag of the body
 * @param hit   whether it came from the cache
 */
public record CachedJson(String json, String etag, boolean hit) {

    public boolean found() {
        return json != null;
    }

    /** The same answer as served again from a cache. */
    CachedJson asHit() {
        return hit ? this : new CachedJson(json, etag, true);
    }
}
