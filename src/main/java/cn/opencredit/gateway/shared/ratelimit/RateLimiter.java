package cn.opencredit.gateway.shared.ratelimit;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.redis.LoopRedis;
import cn.opencredit.gateway.shared.redis.RedisAvailability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.mutiny.redis.client.Redis;

/**
 * Decides whether a consumer's call fits its plan. Every admission is a run of the script
 * {@code ratelimit/acquire.lua} in Redis, which reads and writes the consumer's counters
 * atomically, so any number of replicas together admit no more than the plan, whatever the
 * clients do.
 *
 * <p>Calls of one consumer on one event loop are coalesced: while one run for them is in flight,
 * the calls that arrive wait and the next run decides all of them at once, in arrival order. The
 * decisions are the ones one run per call would give (the script admits as many as fit and refuses
 * the rest), but a busy consumer costs one Redis round trip per round trip's worth of calls on each
 * event loop. A run's decisions are handed out on the loop that sent it, where every call it
 * decides is waiting: a call resumed from another loop costs that loop a wake-up (a system call),
 * which a lane shared by the loops paid for about half its calls. A refusal is remembered until the
 * moment a call could be admitted again ({@link Lane}); until then the consumer's calls on that
 * loop are refused without asking Redis, which could only refuse them too.
 *
 * <p>Redis slow or failing: a run without an answer within {@code opencredit.ratelimit.redis-timeout}
 * may still have been counted, so its calls are neither admitted nor refused but answered 503, to
 * be retried; they are never decided a second time here, which could admit calls Redis refused.
 * Only once Redis is found unreachable ({@link RedisAvailability#down()}: a PING failed) does this
 * replica decide alone, at {@code opencredit.ratelimit.fallback-share} of each plan, until Redis
 * answers again. That is the one case where limits are not shared, and it is documented as such.
 */
@Startup
@Singleton
public class RateLimiter {

    /** Bounds one script run; more waiting calls of a consumer go in the next run. */
    static final int MAX_RUN = 1_000;
    /** Enough for every consumer a replica serves in a day; bounds the fallback's memory. */
    private static final int FALLBACK_CAPACITY = 50_000;
    /** Past this many lanes, refusals are no longer kept for callers gone quiet (a lane is a few hundred bytes). */
    private static final int MAX_REMEMBERED_LANES = 100_000;

    private final LimiterScript script;
    private final RedisAvailability availability;
    private final RateLimitConfig config;
    private final Clock clock;
    private final FallbackLimiter fallback;
    private final AtomicBoolean alone = new AtomicBoolean();
    private final Counter degradations;
    private final Counter runs;
    private final ConcurrentHashMap<LaneKey, Lane<Waiter>> lanes = new ConcurrentHashMap<>();

    /** Runs the script on the Redis client of the event loop the run is sent from ({@link LoopRedis}). */
    @Inject
    RateLimiter(LoopRedis redis, RedisAvailability availability, RateLimitConfig config, Clock clock, MeterRegistry registry) {
        this(redis::here, availability, config, clock, registry);
    }

    /** Runs the script on one client, whatever the loop: for tests that cut, slow or replace the connection. */
    RateLimiter(Redis redis, RedisAvailability availability, RateLimitConfig config, Clock clock, MeterRegistry registry) {
        this(() -> redis, availability, config, clock, registry);
    }

    private RateLimiter(Supplier<Redis> redis, RedisAvailability availability, RateLimitConfig config, Clock clock, MeterRegistry registry) {
        // Checked here, at start-up, because a bad timeout would otherwise fail every call.
        if (config.redisTimeout().isNegative() || config.redisTimeout().isZero()) {
            throw new IllegalArgumentException("opencredit.ratelimit.redis-timeout must be positive, not " + config.redisTimeout());
        }
        this.script = new LimiterScript(redis, config.keyPrefix());
        this.availability = availability;
        this.config = config;
        this.clock = clock;
        this.fallback = new FallbackLimiter(config.fallbackShare(), FALLBACK_CAPACITY);
        this.degradations = Counter.builder("opencredit.ratelimit.degraded")
                .description("Times this replica found Redis unreachable and began limiting calls on its own")
                .register(registry);
        this.runs = Counter.builder("opencredit.ratelimit.redis.runs")
                .description("Runs of the limiter script in Redis; each decides all calls of one consumer that arrived together")
                .register(registry);
        Gauge.builder("opencredit.ratelimit.degraded.active", alone, active -> active.get() ? 1 : 0)
                .description("1 while this replica limits calls on its own because Redis is unreachable, else 0")
                .register(registry);
    }

    /** Whether this replica limits calls on its own because Redis is unreachable, for the readiness details. */
    public boolean degraded() {
        return alone.get();
    }

    /**
     * Admits or refuses one call. Fails with a 503 problem when Redis took the call but did not
     * answer in time: whether it was counted is unknown, so it is neither admitted nor refused.
     *
     * @param consumerKey what the call counts against: a consumer, or an anonymous caller's address
     * @param plan        the limits that apply to it
     */
    public Uni<RateDecision> acquire(String consumerKey, RatePlan plan) {
        check(consumerKey, plan);
        return Uni.createFrom().emitter(emitter -> acquire(consumerKey, plan, emitter::complete, emitter::fail));
    }

    /**
     * The decision on one call if it can be taken at once: a refusal Redis gave that still stands,
     * or any decision while Redis is unreachable; else null, and the call {@link #await}s Redis.
     */
    public RateDecision decideNow(String consumerKey, RatePlan plan) {
        check(consumerKey, plan);
        if (availability.down()) {
            return alone(consumerKey, plan);
        }
        return remembered(consumerKey, plan);
    }

    /**
     * The refusal this replica knows {@code consumerKey} would get under {@code plan}, without
     * counting a call or asking Redis; else null. So that a caller known to be over its limit is
     * turned away before any work is done for it.
     */
    public RateDecision refusalNow(String consumerKey, RatePlan plan) {
        RateDecision fromRedis = remembered(consumerKey, plan);
        // A refusal Redis gave still stands when Redis goes away; the replica's own counters add theirs.
        if (fromRedis != null || !availability.down()) {
            return fromRedis;
        }
        return fallback.refusal(consumerKey, plan, GcraPolicy.micros(clock.instant()));
    }

    /** As {@link #acquire(String, RatePlan)}, handing the decision to callbacks as {@link #await} does. */
    public void acquire(String consumerKey, RatePlan plan, Consumer<RateDecision> decided, Consumer<Throwable> failed) {
        RateDecision now = decideNow(consumerKey, plan);
        if (now != null) {
            decided.accept(now);
        } else {
            await(consumerKey, plan, decided, failed);
        }
    }

    /**
     * The decision on a call that {@link #decideNow} could not take, from the next script run for its
     * consumer, handed (or the 503 problem of an undecided run) to a callback on the caller's event
     * loop: the filter every call passes through suspends and resumes the request itself rather than
     * through a reactive pipeline.
     */
    public void await(String consumerKey, RatePlan plan, Consumer<RateDecision> decided, Consumer<Throwable> failed) {
        check(consumerKey, plan);
        enqueue(LaneKey.here(consumerKey), new Waiter(plan, decided, failed));
    }

    private static void check(String consumerKey, RatePlan plan) {
        if (consumerKey == null || consumerKey.isEmpty()) {
            throw new IllegalArgumentException("A rate limit needs a consumer key");
        }
        Objects.requireNonNull(plan, "plan");
    }

    private RateDecision remembered(String consumerKey, RatePlan plan) {
        Lane<Waiter> lane = lanes.get(LaneKey.here(consumerKey));
        if (lane == null) {
            return null;
        }
        synchronized (lane) {
            return lane.retired() ? null : lane.refusal(plan, System.nanoTime());
        }
    }

    private void enqueue(LaneKey key, Waiter waiter) {
        long now = System.nanoTime();
        Object outcome = withLane(key, lane -> {
            // A refusal may have come in since decideNow found none.
            RateDecision refused = lane.refusal(waiter.plan(), now);
            return refused != null ? refused : lane.enqueue(waiter);
        });
        if (outcome instanceof RateDecision refused) {
            waiter.decided().accept(refused);
        } else if (Boolean.TRUE.equals(outcome)) {
            next(key);
        }
    }

    /** Starts the run for the calls waiting next, or lets the lane go when nobody waits. */
    private void next(LaneKey key) {
        while (true) {
            long now = System.nanoTime();
            List<Waiter> waiters = withLane(key, lane -> {
                List<Waiter> run = lane.nextRun();
                if (run.isEmpty() && lane.retireIfIdle(now, lanes.size() <= MAX_REMEMBERED_LANES)) {
                    lanes.remove(key, lane);
                }
                return run;
            });
            if (waiters.isEmpty()) {
                return;
            }
            RatePlan plan = waiters.getFirst().plan();
            if (!availability.down()) {
                run(key, plan, waiters);
                return;
            }
            waiters.forEach(waiter -> waiter.decided().accept(alone(key.consumerKey(), plan)));
        }
    }

    /** Decides the waiting calls in Redis, hands out the decisions and goes on with the calls that arrived meanwhile. */
    private void run(LaneKey key, RatePlan plan, List<Waiter> waiters) {
        int calls = waiters.size();
        runs.increment();
        // Sent from the lane's loop (a waiting call's, or the previous run's answer), so the answer comes back to it.
        script.run(key.consumerKey(), plan, calls)
                .ifNoItem().after(config.redisTimeout()).fail()
                .subscribe().with(
                        batch -> {
                            long now = System.nanoTime();
                            availability.answered();
                            sharedAgain();
                            List<RateDecision> decisions = GcraPolicy.decisions(plan, calls, batch, false);
                            if (batch.admitted() < calls) {
                                // Neither limit grows back before then; repeating the refusal until then refuses what Redis would.
                                RateDecision refusal = decisions.getLast();
                                withLane(key, lane -> {
                                    lane.refuse(plan, refusal, now, now + TimeUnit.MICROSECONDS.toNanos(batch.retryAfterMicros()));
                                    return null;
                                });
                            }
                            for (int i = 0; i < calls; i++) {
                                waiters.get(i).decided().accept(decisions.get(i));
                            }
                            next(key);
                        },
                        failure -> {
                            availability.failed("rate limiter", failure);
                            ProblemException unknown = undecided();
                            waiters.forEach(waiter -> waiter.failed().accept(unknown));
                            next(key);
                        });
    }

    /** Runs {@code action} on the consumer's lane under its lock, making the lane if there is none. */
    private <T> T withLane(LaneKey key, Function<Lane<Waiter>, T> action) {
        while (true) {
            Lane<Waiter> lane = lanes.computeIfAbsent(key, absent -> new Lane<>(MAX_RUN));
            synchronized (lane) {
                if (!lane.retired()) {
                    return action.apply(lane);
                }
            }
        }
    }

    /** Forgets lanes whose remembered refusal has lapsed and that have nothing in flight. */
    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepLanes() {
        long now = System.nanoTime();
        boolean keepRefusals = lanes.size() <= MAX_REMEMBERED_LANES;
        lanes.forEach((key, lane) -> {
            synchronized (lane) {
                if (!lane.retired() && lane.retireIfIdle(now, keepRefusals)) {
                    lanes.remove(key, lane);
                }
            }
        });
    }

    private RateDecision alone(String consumerKey, RatePlan plan) {
        if (alone.compareAndSet(false, true)) {
            degradations.increment();
            Log.warnf("Rate limiting degraded: Redis is unreachable; this replica now limits calls on its own at %s of each plan",
                    config.fallbackShare());
        }
        return fallback.acquire(consumerKey, plan, GcraPolicy.micros(clock.instant()));
    }

    private void sharedAgain() {
        if (alone.compareAndSet(true, false)) {
            Log.info("Rate limiting restored: Redis answers again and limits are shared by all replicas");
        }
    }

    private static ProblemException undecided() {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "The rate limiter did not answer in time, so this call was neither admitted nor refused; retry in 1 s", List.of(), 1);
    }

    private record Waiter(RatePlan plan, Consumer<RateDecision> decided, Consumer<Throwable> failed) implements Lane.Waiting {
    }

    /** A consumer's calls on one event loop; calls made off any Vert.x context share one lane per consumer. */
    private record LaneKey(String consumerKey, Object loop) {

        private static final Object NO_LOOP = new Object();

        static LaneKey here(String consumerKey) {
            return new LaneKey(consumerKey, Vertx.currentContext() instanceof ContextInternal context ? context.nettyEventLoop() : NO_LOOP);
        }
    }
}
