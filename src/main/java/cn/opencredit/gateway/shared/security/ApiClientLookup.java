package cn.opencredit.gateway.shared.security;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.ratelimit.RatePlan;

/**
 * The port through which authentication finds the consumer of a key; implemented by the access
 * capability so that shared code depends on no capability.
 */
public interface ApiClientLookup {

    /** The active consumer of a usable (not revoked, not expired) key, or a null item. */
    Uni<ApiClient> findByKey(String presentedKey);

    /**
     * Whether this key was found usable on this replica lately. Such a key is still looked up as
     * usual; this only tells a consumer's own key from a guess without asking the data store.
     */
    boolean foundLately(String presentedKey);

    /** The plan anonymous callers get. */
    String anonymousPlan();

    /** The limits of a plan by name; every plan a consumer can hold has them. */
    RatePlan ratePlan(String planName);
}
