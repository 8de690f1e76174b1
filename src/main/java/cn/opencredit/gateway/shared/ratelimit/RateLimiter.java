package cn.opencredit.gateway.shared.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

import cn.opencredit.gateway.shared.ratelimit.RateDecision.Limit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Decides whether a consumer's call fits its plan. Each decision is one run of the script
 * {@code ratelimit/acquire.lua} in Redis, which reads and writes the consumer's counters
 * atomically, so any number of replicas together admit no more than the plan.
 *
 * <p>When Redis does not answer within {@code opencredit.ratelimit.redis-timeout}, this replica
 * decides alone, at the configured share of each plan, until Redis answers again. A decision is
 * always given: an outage neither lifts the limits nor fails the call.
 */
@Startup
@ApplicationScoped
public class RateLimiter {

    private static final String SCRIPT = "/ratelimit/acquire.lua";
    /**
     * While degraded, one call per interval tries Redis and the others go straight to the
     * fallback, so that an unreachable Redis does not cost every call the timeout.
     */
    private static final long PROBE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Enough for every consumer a replica serves in a day; bounds the fallback's memory. */
    private static final int FALLBACK_CAPACITY = 50_000;

    private final Redis redis;
    private final RateLimitConfig config;
    private final Clock clock;
    private final FallbackLimiter fallback;
    private final String script;
    private final String scriptSha;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final AtomicLong nextProbe = new AtomicLong();
    private final Counter degradations;

    RateLimiter(Redis redis, RateLimitConfig config, Clock clock, MeterRegistry registry) {
        // Checked here, at start-up, because a bad timeout would otherwise fail every call.
        if (config.redisTimeout().isNegative() || config.redisTimeout().isZero()) {
            throw new IllegalArgumentException("opencredit.ratelimit.redis-timeout must be positive, not " + config.redisTimeout());
        }
        this.redis = redis;
        this.config = config;
        this.clock = clock;
        this.fallback = new FallbackLimiter(config.fallbackShare(), FALLBACK_CAPACITY);
        this.script = readScript();
        this.scriptSha = sha1(script);
        this.degradations = Counter.builder("opencredit.ratelimit.degraded")
                .description("Times this replica lost Redis and began limiting calls on its own")
                .register(registry);
        Gauge.builder("opencredit.ratelimit.degraded.active", degraded, active -> active.get() ? 1 : 0)
                .description("1 while this replica limits calls on its own because Redis is unreachable, else 0")
                .register(registry);
    }

    /**
     * Admits or refuses one call.
     *
     * @param consumerKey what the call counts against: a consumer, or an anonymous caller's address
     * @param plan        the limits that apply to it
     */
    public Uni<RateDecision> acquire(String consumerKey, RatePlan plan) {
        if (consumerKey == null || consumerKey.isEmpty()) {
            throw new IllegalArgumentException("A rate limit needs a consumer key");
        }
        Objects.requireNonNull(plan, "plan");
        if (degraded.get() && !probeDue()) {
            return Uni.createFrom().item(() -> alone(consumerKey, plan));
        }
        return shared(consumerKey, plan)
                .ifNoItem().after(config.redisTimeout()).fail()
                .invoke(this::recovered)
                .onFailure().recoverWithItem(failure -> degrade(failure, consumerKey, plan));
    }

    private Uni<RateDecision> shared(String consumerKey, RatePlan plan) {
        // The consumer in braces is the Redis Cluster hash tag: both keys land in one slot.
        String keys = config.keyPrefix() + "{" + consumerKey + "}:";
        return evaluate(Command.EVALSHA, scriptSha, keys, plan)
                // EVAL rather than SCRIPT LOAD: a cluster client sends SCRIPT LOAD to any node,
                // while EVAL goes to the node holding the keys and leaves the script cached there.
                .onFailure(RateLimiter::scriptMissing).recoverWithUni(missing -> evaluate(Command.EVAL, script, keys, plan))
                .map(reply -> decision(reply, plan));
    }

    private Uni<Response> evaluate(Command command, String scriptOrSha, String keys, RatePlan plan) {
        return redis.send(Request.cmd(command)
                .arg(scriptOrSha)
                .arg(2)
                .arg(keys + "tat")
                .arg(keys + "day:")
                .arg(GcraPolicy.emissionIntervalMicros(plan))
                .arg(plan.burst())
                .arg(plan.dailyQuota()));
    }

    private static RateDecision decision(Response reply, RatePlan plan) {
        String refusedBy = reply.get(0).toString();
        return GcraPolicy.decision(plan, refusedBy.isEmpty() ? null : Limit.valueOf(refusedBy.toUpperCase(Locale.ROOT)),
                reply.get(1).toLong(), reply.get(2).toLong(), reply.get(3).toLong(), reply.get(4).toLong(), reply.get(5).toLong(),
                false);
    }

    private RateDecision alone(String consumerKey, RatePlan plan) {
        return fallback.acquire(consumerKey, plan, GcraPolicy.micros(clock.instant()));
    }

    private RateDecision degrade(Throwable failure, String consumerKey, RatePlan plan) {
        nextProbe.set(System.nanoTime() + PROBE_INTERVAL_NANOS);
        if (degraded.compareAndSet(false, true)) {
            degradations.increment();
            Log.warnf("Rate limiting degraded: Redis did not answer (%s); this replica now limits calls on its own at %s of each plan",
                    failure, config.fallbackShare());
        }
        return alone(consumerKey, plan);
    }

    private void recovered() {
        if (degraded.compareAndSet(true, false)) {
            Log.info("Rate limiting restored: Redis answers again and limits are shared by all replicas");
        }
    }

    private boolean probeDue() {
        long due = nextProbe.get();
        long now = System.nanoTime();
        return now - due >= 0 && nextProbe.compareAndSet(due, now + PROBE_INTERVAL_NANOS);
    }

    private static boolean scriptMissing(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String readScript() {
        try (InputStream in = RateLimiter.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Rate limit script " + SCRIPT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-1", e);
        }
    }
}
