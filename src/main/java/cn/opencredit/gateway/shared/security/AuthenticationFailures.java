package cn.opencredit.gateway.shared.security;

import io.smallrye.mutiny.Uni;

/**
 * The port through which authentication keeps count of the keys that fail from each client
 * address; implemented with the rate limiter so that every replica shares the count.
 */
public interface AuthenticationFailures {

    /** Why an address is turned away before its key is even looked up. */
    record Refusal(long retryAfterSeconds, String detail) {
    }

    /** The refusal that stands for {@code address} now, without counting anything; else null. */
    Refusal refusedNow(String address);

    /** Counts one failure of {@code address}; the item is the refusal when it went past its budget with it, else null. */
    Uni<Refusal> failed(String address);
}
