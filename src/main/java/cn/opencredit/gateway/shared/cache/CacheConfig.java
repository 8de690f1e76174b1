package cn.opencredit.gateway.shared.cache;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.cache")
public interface CacheConfig {

    /** Whether hot reads are cached at all. Off only to measure what the cache brings. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Lifetime of a cached answer. Invalidation is by the subject's data version, so this is only
     * the safety net for a version bump that never reached Redis.
     */
    @WithDefault("PT10M")
    Duration ttl();

    /** Lifetime of a cached "no such subject", short so that a new subject shows up soon even without a bump. */
    @WithDefault("PT1M")
    Duration negativeTtl();

    /**
     * How long a read waits for Redis before it goes to PostgreSQL instead. Tight: a slow Redis
     * must not make reads slower than having no cache.
     */
    @WithDefault("PT0.05S")
    Duration redisTimeout();
}
