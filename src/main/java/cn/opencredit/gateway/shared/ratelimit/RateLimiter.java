package cn.opencredit.gateway.shared.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Decides whether a consumer's call fits its plan. Decisions are runs of the script
 * {@code ratelimit/acquire.lua} in Redis, which reads and writes the consumer's counters
 * atomically, so any number of replicas together admit no more than the plan.
 *
 * <p>Calls of one consumer are coalesced: while one run for the consumer is in flight, the calls
 * that arrive wait and the next run decides all of them at once, in arrival order. The decisions
 * are the same as one run per call would give (the script admits as many as fit and refuses the
 * rest), but a busy consumer costs one Redis round trip per round trip's worth of calls instead of
 * one per call, and a consumer's calls never queue for connections behind each other.
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
    /** Bounds one script run; more waiting calls of a consumer go in the next run. */
    static final int MAX_BATCH = 1_000;

    private final Redis redis;
    private final RateLimitConfig config;
    private final Clock clock;
    private final FallbackLimiter fallback;
    private final String script;
    private final String scriptSha;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final AtomicLong nextProbe = new AtomicLong();
    private final Counter degradations;
    private final Counter runs;
    /** Consumers with a run in flight, and the calls waiting for the next one. */
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

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
        this.runs = Counter.builder("opencredit.ratelimit.redis.runs")
                .description("Runs of the limiter script in Redis; each decides all calls of one consumer that arrived together")
                .register(registry);
        Gauge.builder("opencredit.ratelimit.degraded.active", degraded, active -> active.get() ? 1 : 0)
                .description("1 while this replica limits calls on its own because Redis is unreachable, else 0")
                .register(registry);
    }

    /** Whether this replica limits calls on its own because Redis did not answer, for the readiness details. */
    public boolean degraded() {
        return degraded.get();
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
        return Uni.createFrom().emitter(emitter -> enqueue(consumerKey, new Waiter(plan, emitter)));
    }

    private void enqueue(String consumerKey, Waiter waiter) {
        List<Waiter> run = new ArrayList<>(1);
        lanes.compute(consumerKey, (key, lane) -> {
            Lane current = lane == null ? new Lane() : lane;
            if (current.running) {
                current.waiting.add(waiter);
            } else {
                current.running = true;
                run.add(waiter);
            }
            return current;
        });
        if (!run.isEmpty()) {
            run(consumerKey, run);
        }
    }

    /** Decides one run's calls in Redis, then starts the next run with the calls that arrived meanwhile. */
    private void run(String consumerKey, List<Waiter> run) {
        RatePlan plan = run.getFirst().plan();
        runs.increment();
        shared(consumerKey, plan, run.size())
                .ifNoItem().after(config.redisTimeout()).fail()
                .invoke(this::recovered)
                .subscribe().with(
                        decisions -> {
                            for (int i = 0; i < run.size(); i++) {
                                run.get(i).emitter().complete(decisions.get(i));
                            }
                            next(consumerKey);
                        },
                        failure -> {
                            run.forEach(waiter -> waiter.emitter().complete(degrade(failure, consumerKey, plan)));
                            next(consumerKey);
                        });
    }

    private void next(String consumerKey) {
        while (true) {
            List<Waiter> run = nextRun(consumerKey);
            if (run.isEmpty()) {
                return;
            }
            if (!degraded.get() || probeDue()) {
                run(consumerKey, run);
                return;
            }
            RatePlan plan = run.getFirst().plan();
            run.forEach(waiter -> waiter.emitter().complete(alone(consumerKey, plan)));
        }
    }

    /** The calls of the next run, taken off the lane; none when no call waits, and then the lane is gone. */
    private List<Waiter> nextRun(String consumerKey) {
        List<Waiter> run = new ArrayList<>();
        lanes.computeIfPresent(consumerKey, (key, lane) -> {
            // One run is about one plan; a consumer whose plan just changed has the rest decided in the following run.
            RatePlan plan = lane.waiting.isEmpty() ? null : lane.waiting.peekFirst().plan();
            while (!lane.waiting.isEmpty() && run.size() < MAX_BATCH && lane.waiting.peekFirst().plan().equals(plan)) {
                run.add(lane.waiting.pollFirst());
            }
            return run.isEmpty() ? null : lane;
        });
        return run;
    }

    private Uni<List<RateDecision>> shared(String consumerKey, RatePlan plan, int calls) {
        // The consumer in braces is the Redis Cluster hash tag: both keys land in one slot.
        String keys = config.keyPrefix() + "{" + consumerKey + "}:";
        return evaluate(Command.EVALSHA, scriptSha, keys, plan, calls)
                // EVAL rather than SCRIPT LOAD: a cluster client sends SCRIPT LOAD to any node,
                // while EVAL goes to the node holding the keys and leaves the script cached there.
                .onFailure(RateLimiter::scriptMissing).recoverWithUni(missing -> evaluate(Command.EVAL, script, keys, plan, calls))
                .map(reply -> GcraPolicy.decisions(plan, calls, batch(reply), false));
    }

    private Uni<Response> evaluate(Command command, String scriptOrSha, String keys, RatePlan plan, int calls) {
        return redis.send(Request.cmd(command)
                .arg(scriptOrSha)
                .arg(2)
                .arg(keys + "tat")
                .arg(keys + "day:")
                .arg(GcraPolicy.emissionIntervalMicros(plan))
                .arg(plan.burst())
                .arg(plan.dailyQuota())
                .arg(calls));
    }

    private static GcraPolicy.Batch batch(Response reply) {
        String refusedBy = reply.get(1).toString();
        return new GcraPolicy.Batch(reply.get(0).toInteger(), refusedBy.isEmpty() ? null : Limit.valueOf(refusedBy.toUpperCase(Locale.ROOT)),
                reply.get(2).toLong(), reply.get(3).toLong(), reply.get(4).toLong(), reply.get(5).toLong());
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

    private record Waiter(RatePlan plan, UniEmitter<? super RateDecision> emitter) {
    }

    /** One consumer's calls: whether a run is in flight, and who waits for the next. Guarded by the map's lock on its key. */
    private static final class Lane {

        final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
        boolean running;
    }
}
