package cn.opencredit.gateway.shared.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.cache.InvalidationSubscriber;
import cn.opencredit.gateway.shared.cache.ReadThroughCache;
import cn.opencredit.gateway.shared.ratelimit.RateLimiter;
import cn.opencredit.gateway.shared.redis.RedisAvailability;

/**
 * Reports Redis in the readiness details without taking the replica out of rotation: Redis only
 * speeds reads up and shares counters, and the gateway keeps answering without it (degraded).
 * Besides a PING it says how each user of Redis copes: whether reads go past the cache, whether
 * the near cache serves (it needs the invalidation subscription), and whether the rate limiter
 * decides alone.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements AsyncHealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

    private final ReactiveRedisDataSource redis;
    private final ReadThroughCache cache;
    private final InvalidationSubscriber invalidations;
    private final RateLimiter limiter;
    private final RedisAvailability availability;

    RedisReadinessCheck(ReactiveRedisDataSource redis, ReadThroughCache cache, InvalidationSubscriber invalidations, RateLimiter limiter,
            RedisAvailability availability) {
        this.redis = redis;
        this.availability = availability;
        this.cache = cache;
        this.invalidations = invalidations;
        this.limiter = limiter;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(PROBE_TIMEOUT).fail()
                .map(reply -> details(null))
                .onFailure().recoverWithItem(this::details);
    }

    private HealthCheckResponse details(Throwable failure) {
        boolean degraded = failure != null || cache.degraded() || limiter.degraded();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("redis").up()
                .withData("redis", failure == null ? "up" : "down")
                .withData("availability", availability.state().name().toLowerCase(java.util.Locale.ROOT))
                .withData("degraded", degraded)
                .withData("cache", cache.degraded() ? "reading from PostgreSQL" : "on")
                .withData("nearCache", invalidations.subscribed() ? "on" : "off")
                .withData("rateLimiter", limiter.degraded() ? "deciding alone" : "shared");
        if (failure != null) {
            response.withData("reason", failure.getClass().getSimpleName());
        }
        return response.build();
    }
}
