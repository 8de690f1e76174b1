package cn.opencredit.gateway.shared.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The near cache's own settings, without Redis: what it refuses to start with, and keep-idle as given. */
class NearCacheTests {

    private static final String USCC = "91350211M0000XUX1N";
    private static final String KEY = "cache:{91350211M0000XUX1N}:profile:public:20261206";

    @Test
    void shouldRefuseAKeepIdleThatIsNotPositive() {
        for (Duration keepIdle : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new NearCache(config(keepIdle)));
            assertEquals("opencredit.cache.near.keep-idle must be positive, not " + keepIdle, refused.getMessage());
        }
    }

    /** A keep-idle shorter than the TTL is taken as given (not raised to the TTL): an answer left idle that long is dropped. */
    @Test
    void shouldDropAnAnswerLeftIdleForKeepIdleThoughWithinItsTtl() throws InterruptedException {
        NearCache near = new NearCache(config(Duration.ofMillis(500)));
        near.live(true);
        CachedJson answer = new CachedJson("{}".getBytes(StandardCharsets.UTF_8), "\"e1\"", false);
        near.put(USCC, KEY, answer, "3", near.token(USCC), Duration.ofSeconds(5));
        assertSame(answer, near.get(USCC, KEY), "served within its TTL");
        Thread.sleep(800);
        assertNull(near.get(USCC, KEY), "dropped after 0.8 s without a read, 4 s before its TTL");
    }

    /** The mapping as the application reads it: its defaults, and the keep-idle given. */
    private static CacheConfig config(Duration keepIdle) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(CacheConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(Map.of("opencredit.cache.near.keep-idle", keepIdle.toString()), "test", 500))
                .build();
        return config.getConfigMapping(CacheConfig.class);
    }
}
