package cn.opencredit.gateway.shared.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How calls are limited per consumer; the limits themselves come from each consumer's plan. */
@ConfigMapping(prefix = "opencredit.ratelimit")
public interface RateLimitConfig {

    /**
     * Whether calls are limited at all. Off only to measure what limiting costs; the filter then
     * neither asks the limiter nor sends RateLimit headers, and failed authentications are not
     * counted either.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long one decision waits for Redis. Past it the call is answered 503 (Redis may have
     * counted it, so it is neither admitted nor refused) and Redis is probed; only once a PING fails
     * does the replica limit calls on its own. Generous, so that a busy Redis is not taken for a
     * lost one.
     */
    @WithDefault("PT1S")
    Duration redisTimeout();

    /**
     * The share of each plan that one replica admits on its own while Redis is unreachable, above
     * 0 and at most 1. With N replicas, 1/N keeps them within the plan between them for the
     * outage; calls counted in Redis before it are not known to the replicas and not deducted.
     */
    @WithDefault("0.5")
    @Positive
    @DecimalMax("1")
    double fallbackShare();

    /**
     * How many failed authentications (an unknown, revoked or expired key, or a malformed
     * {@code Authorization} header) one client address may cause, counted like a plan. Past it
     * every call from that address that carries a key is refused with 429 until the budget allows
     * one again, before its key is looked up: guessing keys, or a flood of random ones, costs the
     * data store nothing. Off with {@link #enabled()}.
     */
    FailedAuthentication failedAuthentication();

    interface FailedAuthentication {

        @WithDefault("1")
        @Positive
        double ratePerSecond();

        @WithDefault("30")
        @Positive
        int burst();

        /**
         * Above what the rate lets through in a day, so that by default no address is turned away
         * until midnight: behind a shared address (a NAT, an unlisted proxy) that would refuse
         * every keyed caller there for the rest of the day.
         */
        @WithDefault("100000")
        @Positive
        long dailyQuota();
    }

    /** Prefix of the limiter's Redis keys. */
    @WithDefault("rl:")
    @NotBlank
    String keyPrefix();
}
