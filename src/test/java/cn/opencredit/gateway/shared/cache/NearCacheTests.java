package cn.opencredit.gateway.shared.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

/** The near cache's own settings, without Redis: what it refuses to start with. */
class NearCacheTests {

    @Test
    void shouldRefuseAKeepIdleThatIsNotPositive() {
        for (Duration keepIdle : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new NearCache(config(keepIdle)));
            assertEquals("opencredit.cache.near.keep-idle must be positive, not " + keepIdle, refused.getMessage());
        }
    }

    @Test
    void shouldTakeAKeepIdleShorterThanTheTtl() {
        NearCache near = new NearCache(config(Duration.ofSeconds(1)));
        assertEquals(0, near.size(), "it starts empty");
    }

    private static CacheConfig config(Duration keepIdle) {
        CacheConfig.Near near = new CacheConfig.Near() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Duration ttl() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration keepIdle() {
                return keepIdle;
            }

            @Override
            public MemorySize maxSize() {
                return new MemorySize(BigInteger.valueOf(32L << 20));
            }
        };
        return new CacheConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Duration ttl() {
                return Duration.ofMinutes(10);
            }

            @Override
            public Duration negativeTtl() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Duration redisTimeout() {
                return Duration.ofMillis(50);
            }

            @Override
            public Duration loadTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Near near() {
                return near;
            }
        };
    }
}
