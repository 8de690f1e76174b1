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
     * neither asks the limiter nor sends RateLimit headers.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long one decision waits for Redis. Past it the replica limits calls on its own until
     * Redis answers again, so this bounds what a Redis outage adds to a call's latency.
     */
    @WithDefault("PT0.1S")
    Duration redisTimeout();

    /**
     * The share of each plan that one replica admits on its own while Redis is unreachable, above
     * 0 and at most 1. With N replicas, 1/N keeps them within the plan between them.
     */
    @WithDefault("0.5")
    @Positive
    @DecimalMax("1")
    double fallbackShare();

    /** Prefix of the limiter's Redis keys. */
    @WithDefault("rl:")
    @NotBlank
    String keyPrefix();
}
