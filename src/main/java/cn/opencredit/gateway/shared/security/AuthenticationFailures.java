package cn.opencredit.gateway.shared.security;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * The port through which authentication keeps count of the keys that fail from each client
 * address; implemented with the rate limiter so that every replica shares the count.
 */
public interface AuthenticationFailures {

    /** Why an address is turned away before its key is even looked up. */
    record Refusal(long retryAfterSeconds, String detail) {
    }

    /**
     * The refusal that stands for the caller's address now, without counting anything; else null.
     * The address is asked for only when some refusal may stand, which is seldom.
     */
    Refusal refusedNow(Supplier<String> address);

    /** Counts one failure of {@code address}; the item is the refusal when it went past its budget with it, else null. */
    Uni<Refusal> failed(String address);
}
