package cn.opencredit.gateway.shared.cache;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
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

    /**
     * How long the readers of one answer wait for its shared load from PostgreSQL before they get
     * a 503: a query that never ends (a connection lost without notice) must not hold every later
     * reader of the same answer.
     */
    @WithDefault("PT10S")
    Duration loadTimeout();

    /** The in-process near cache in front of Redis. */
    Near near();

    interface Near {

        /**
         * Whether each replica keeps recently served answers in memory. They are dropped when Redis
         * announces a change of their subject, and not used at all while that announcement channel is down.
         */
        @WithDefault("true")
        boolean enabled();

        /** How long an answer is served from memory at most: bounds staleness should an announcement be lost. */
        @WithDefault("PT5S")
        Duration ttl();

        /**
         * How long a subject's answers stay in memory while nobody asks for them. Past its TTL an answer
         * held is served again only once Redis confirms the subject's data unchanged, so this bounds
         * memory, not staleness; within {@link #maxSize()}. Shorter than the TTL only means fewer answers
         * from memory; it must be positive.
         */
        @WithDefault("PT1M")
        Duration keepIdle();

        /** Memory the near cache may take, roughly (UTF-16 bodies plus bookkeeping). */
        @WithDefault("32M")
        MemorySize maxSize();
    }
}
