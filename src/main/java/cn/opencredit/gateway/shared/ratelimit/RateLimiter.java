package cn.opencredit.gateway.shared.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

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
@Singleton
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

    /** Past this many lanes, refusals are no longer kept for callers gone quiet (a lane is a few hundred bytes). */
    private static final int MAX_REMEMBERED_LANES = 100_000;

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
        RateDecision now = decideNow(consumerKey, plan);
        return now != null ? Uni.createFrom().item(now) : await(consumerKey, plan);
    }

    /**
     * The decision on one call if it can be taken in memory at once (a leased call, or while this
     * replica decides alone), else null: then the call {@link #await}s its decision from Redis.
     */
    public RateDecision decideNow(String consumerKey, RatePlan plan) {
        check(consumerKey, plan);
        if (degraded.get()) {
            // The probe itself is claimed by the run that asks Redis.
            return System.nanoTime() - nextProbe.get() >= 0 ? null : alone(consumerKey, plan);
        }
        long now = System.nanoTime();
        Renewal renewal = new Renewal();
        RateDecision leased = withLane(consumerKey, lane -> {
            lane.count(now);
            RateDecision decision = lane.decideInMemory(plan, now);
            if (decision != null && decision.allowed() && !lane.running && LeasePolicy.renewDue(lane.leasedLeft(), lane.leaseSize)) {
                int size = LeasePolicy.size(lane.callsPerSecond(now), plan);
                if (size > 0) {
                    lane.running = true;
                    renewal.plan = plan;
                    renewal.size = size;
                }
            }
            return decision;
        });
        if (renewal.plan != null) {
            run(consumerKey, renewal.plan, List.of(), renewal.size);
        }
        return leased;
    }

    /**
     * The refusal this replica remembers for {@code consumerKey} under {@code plan}, while no call
     * could be admitted yet (its own counters' refusal while Redis is unreachable); else null.
     * Counts no call and asks nothing of Redis, so that a caller known to be over its limit is
     * turned away before any work is done for it.
     */
    public RateDecision refusalNow(String consumerKey, RatePlan plan) {
        RateDecision fromRedis = null;
        Lane lane = lanes.get(consumerKey);
        if (lane != null) {
            synchronized (lane) {
                fromRedis = lane.retired ? null : lane.refusal(plan, System.nanoTime());
            }
        }
        // A refusal Redis gave still stands when Redis goes away; the replica's own counters add theirs.
        if (fromRedis != null || !degraded.get()) {
            return fromRedis;
        }
        return fallback.refusal(consumerKey, plan, GcraPolicy.micros(clock.instant()));
    }

    /**
     * The decision on a call that {@link #decideNow} could not take. Calls of a consumer that
     * arrive while a run for it is in flight wait and are decided together by the next run.
     */
    public Uni<RateDecision> await(String consumerKey, RatePlan plan) {
        check(consumerKey, plan);
        return Uni.createFrom().emitter(emitter -> enqueue(consumerKey, new Waiter(plan, emitter)));
    }

    private static void check(String consumerKey, RatePlan plan) {
        if (consumerKey == null || consumerKey.isEmpty()) {
            throw new IllegalArgumentException("A rate limit needs a consumer key");
        }
        Objects.requireNonNull(plan, "plan");
    }

    private void enqueue(String consumerKey, Waiter waiter) {
        long now = System.nanoTime();
        Renewal start = new Renewal();
        RateDecision leased = withLane(consumerKey, lane -> {
            // A lease may have come in since decideNow found none.
            RateDecision decision = lane.decideInMemory(waiter.plan(), now);
            if (decision != null) {
                return decision;
            }
            lane.waiting.add(waiter);
            if (!lane.running) {
                lane.running = true;
                start.plan = waiter.plan();
            }
            return null;
        });
        if (leased != null) {
            waiter.emitter().complete(leased);
        } else if (start.plan != null) {
            next(consumerKey);
        }
    }

    /**
     * Decides in Redis the waiting calls and, for a busy consumer, a lease of up to {@code leaseWanted}
     * calls after them, giving back what is left of an expired lease; then hands out the decisions
     * and goes on with the calls that arrived meanwhile.
     */
    private void run(String consumerKey, RatePlan plan, List<Waiter> waiters, int leaseWanted) {
        int calls = waiters.size();
        // Redis reads its clock after this, so leases timed from here end no later than Redis would end them.
        long sentAt = System.nanoTime();
        Lane.Unused unused = withLane(consumerKey, lane -> lane.takeUnused(plan, sentAt));
        runs.increment();
        shared(consumerKey, plan, calls, leaseWanted, unused)
                .ifNoItem().after(config.redisTimeout()).fail()
                .invoke(this::recovered)
                .subscribe().with(
                        batch -> {
                            long now = System.nanoTime();
                            List<RateDecision> decisions = GcraPolicy.decisions(plan, calls, batch, false);
                            List<RateDecision> lease = decisions.subList(calls, decisions.size());
                            // Neither limit grows back before then unless another replica gives back a lease;
                            // repeating the refusal until then may refuse more, never admit more.
                            RateDecision refusal = batch.admitted() < calls ? decisions.get(calls - 1) : null;
                            // Recorded before the callers hear their decisions, so that a caller's next call finds them.
                            withLane(consumerKey, lane -> {
                                lane.lease(plan, lease, leaseWanted, batch, sentAt);
                                if (refusal != null) {
                                    lane.refuse(plan, refusal, now, now + batch.retryAfterMicros() * 1_000);
                                }
                                return null;
                            });
                            for (int i = 0; i < calls; i++) {
                                waiters.get(i).emitter().complete(decisions.get(i));
                            }
                            next(consumerKey);
                        },
                        failure -> {
                            waiters.forEach(waiter -> waiter.emitter().complete(degrade(failure, consumerKey, plan)));
                            next(consumerKey);
                        });
    }

    /** Serves waiting calls from the lease, starts the next run for the rest, or lets the lane go. */
    private void next(String consumerKey) {
        while (true) {
            long now = System.nanoTime();
            List<Waiter> served = new ArrayList<>();
            List<RateDecision> leased = new ArrayList<>();
            Renewal run = new Renewal();
            List<Waiter> waiters = new ArrayList<>();
            withLane(consumerKey, lane -> {
                while (!lane.waiting.isEmpty()) {
                    RateDecision decision = lane.decideInMemory(lane.waiting.peekFirst().plan(), now);
                    if (decision == null) {
                        break;
                    }
                    served.add(lane.waiting.pollFirst());
                    leased.add(decision);
                }
                if (lane.waiting.isEmpty()) {
                    lane.running = false;
                    retireIfIdle(consumerKey, lane, now);
                    return null;
                }
                // One run is about one plan; a consumer whose plan just changed has the rest decided in the following run.
                RatePlan plan = lane.waiting.peekFirst().plan();
                while (!lane.waiting.isEmpty() && waiters.size() < MAX_BATCH && lane.waiting.peekFirst().plan().equals(plan)) {
                    waiters.add(lane.waiting.pollFirst());
                }
                run.plan = plan;
                run.size = LeasePolicy.size(lane.callsPerSecond(now), plan);
                return null;
            });
            for (int i = 0; i < served.size(); i++) {
                served.get(i).emitter().complete(leased.get(i));
            }
            if (run.plan == null) {
                return;
            }
            if (!degraded.get() || probeDue()) {
                run(consumerKey, run.plan, waiters, run.size);
                return;
            }
            waiters.forEach(waiter -> waiter.emitter().complete(alone(consumerKey, run.plan)));
        }
    }

    /** Runs {@code action} on the consumer's lane under its lock, making the lane if there is none. */
    private <T> T withLane(String consumerKey, Function<Lane, T> action) {
        while (true) {
            Lane lane = lanes.computeIfAbsent(consumerKey, key -> new Lane());
            synchronized (lane) {
                if (!lane.retired) {
                    return action.apply(lane);
                }
            }
        }
    }

    /**
     * Forgets a lane with nothing in flight, nobody waiting, no lease and no recent calls; call under
     * its lock. A lane whose refusal still stands is kept, so that {@link #refusalNow} keeps turning
     * its caller away while that caller sends nothing that is counted, unless so many lanes are kept
     * that memory matters more; then the next call asks Redis again.
     */
    private void retireIfIdle(String consumerKey, Lane lane, long now) {
        boolean refusing = lane.refusal != null && now - lane.refusedUntil < 0 && lanes.size() <= MAX_REMEMBERED_LANES;
        if (!lane.running && lane.waiting.isEmpty() && lane.idle(now) && !refusing) {
            lane.retired = true;
            lanes.remove(consumerKey, lane);
        }
    }

    /**
     * Gives back what is left of expired leases of consumers that went quiet, which no call of theirs
     * would give back, and forgets lanes with nothing left to do.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepLanes() {
        long now = System.nanoTime();
        lanes.forEach((consumerKey, lane) -> {
            RatePlan giveBack = null;
            synchronized (lane) {
                if (lane.retired) {
                    return;
                }
                if (!lane.running && lane.owesUnused(now)) {
                    lane.running = true;
                    giveBack = lane.unusedPlan();
                } else {
                    retireIfIdle(consumerKey, lane, now);
                }
            }
            if (giveBack != null && !degraded.get()) {
                run(consumerKey, giveBack, List.of(), 0);
            } else if (giveBack != null) {
                next(consumerKey);
            }
        });
    }

    private Uni<GcraPolicy.Batch> shared(String consumerKey, RatePlan plan, int calls, int leaseWanted, Lane.Unused unused) {
        // The consumer in braces is the Redis Cluster hash tag: both keys land in one slot.
        String keys = config.keyPrefix() + "{" + consumerKey + "}:";
        return evaluate(Command.EVALSHA, scriptSha, keys, plan, calls, leaseWanted, unused)
                // EVAL rather than SCRIPT LOAD: a cluster client sends SCRIPT LOAD to any node,
                // while EVAL goes to the node holding the keys and leaves the script cached there.
                .onFailure(RateLimiter::scriptMissing)
                .recoverWithUni(missing -> evaluate(Command.EVAL, script, keys, plan, calls, leaseWanted, unused))
                .map(RateLimiter::batch);
    }

    private Uni<Response> evaluate(Command command, String scriptOrSha, String keys, RatePlan plan, int calls, int leaseWanted,
            Lane.Unused unused) {
        return redis.send(Request.cmd(command)
                .arg(scriptOrSha)
                .arg(2)
                .arg(keys + "tat")
                .arg(keys + "day:")
                .arg(GcraPolicy.emissionIntervalMicros(plan))
                .arg(plan.burst())
                .arg(plan.dailyQuota())
                .arg(calls)
                .arg(leaseWanted)
                .arg(unused == null ? 0 : unused.calls())
                .arg(unused == null ? "" : unused.day().format(DateTimeFormatter.BASIC_ISO_DATE))
                .arg(unused == null ? 0 : unused.leaseEndMicros()));
    }

    private static GcraPolicy.Batch batch(Response reply) {
        String refusedBy = reply.get(1).toString();
        return new GcraPolicy.Batch(reply.get(0).toInteger(), refusedBy.isEmpty() ? null : Limit.valueOf(refusedBy.toUpperCase(Locale.ROOT)),
                reply.get(2).toLong(), reply.get(3).toLong(), reply.get(4).toLong(), reply.get(5).toLong(), reply.get(6).toInteger(),
                LocalDate.parse(reply.get(7).toString(), DateTimeFormatter.BASIC_ISO_DATE), reply.get(8).toLong());
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

    static String readScript() {
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

    /** What a lane decision asks to start once its lock is released. */
    private static final class Renewal {

        RatePlan plan;
        int size;
    }

    /**
     * One consumer on this replica: whether a run is in flight, who waits for the next, the calls
     * leased ahead of time, a refusal Redis gave, and how busy the consumer has been. Guarded by its
     * own lock.
     */
    private static final class Lane {

        private static final long RATE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
        private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

        /**
         * Leased calls not handed out, to be given back under {@code plan}; their share of the TAT
         * ends at or before {@code leaseEndMicros}.
         */
        record Unused(int calls, RatePlan plan, LocalDate day, long leaseEndMicros) {
        }

        /** The calls of one lease still to hand out, when they lapse, and where the lease's share of the TAT ends. */
        private static final class Lease {

            int left;
            final long expiresAt;
            final long endMicros;

            Lease(int left, long expiresAt, long endMicros) {
                this.left = left;
                this.expiresAt = expiresAt;
                this.endMicros = endMicros;
            }
        }

        final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
        boolean running;
        boolean retired;
        /** Decisions of calls Redis admitted ahead of time, in the order they are handed out. */
        private final ArrayDeque<RateDecision> leased = new ArrayDeque<>();
        /** The leases those came from, oldest first; each lapses on its own, so a renewal never extends an older one. */
        private final ArrayDeque<Lease> leases = new ArrayDeque<>();
        private RatePlan leasePlan;
        private LocalDate leaseDay;
        int leaseSize;
        private Unused unused;
        private RateDecision refusal;
        private RatePlan refusalPlan;
        private long refusedAt;
        private long refusedUntil;
        private long windowStart = System.nanoTime();
        private int windowCalls;
        private int previousWindowCalls;
        private long lastCall = windowStart;

        void count(long now) {
            if (now - windowStart >= RATE_WINDOW_NANOS) {
                previousWindowCalls = now - windowStart >= 2 * RATE_WINDOW_NANOS ? 0 : windowCalls;
                windowStart = now;
                windowCalls = 0;
            }
            windowCalls++;
            lastCall = now;
        }

        /** Calls a second in the last full window: a burst of calls at one instant earns no lease. */
        double callsPerSecond(long now) {
            return now - windowStart >= 2 * RATE_WINDOW_NANOS ? 0 : previousWindowCalls * 1e9 / RATE_WINDOW_NANOS;
        }

        /** A leased call, or the refusal Redis gave until the moment a call could be admitted again; else null. */
        RateDecision decideInMemory(RatePlan plan, long now) {
            RateDecision refused = refusal(plan, now);
            if (refused != null) {
                return refused;
            }
            expire(now);
            if (leased.isEmpty() || !plan.equals(leasePlan)) {
                return null;
            }
            Lease oldest = leases.peekFirst();
            if (--oldest.left == 0) {
                leases.pollFirst();
            }
            return leased.pollFirst();
        }

        /** The refusal Redis gave under {@code plan}, told {@code now}, while no call could be admitted yet; else null. */
        RateDecision refusal(RatePlan plan, long now) {
            if (refusal != null) {
                if (plan.equals(refusalPlan) && now - refusedUntil < 0) {
                    return refusal.aged(Duration.ofNanos(now - refusedAt));
                }
                refusal = null;
            }
            return null;
        }

        int leasedLeft() {
            return leased.size();
        }

        RatePlan unusedPlan() {
            return unused == null ? null : unused.plan();
        }

        /**
         * Keeps the calls {@code batch} leased for this replica. They lapse {@link LeasePolicy#LIFETIME}
         * after the run was sent, or at midnight in Shanghai if that comes first, so that no leased
         * call is handed out on a day other than the one it was counted on.
         */
        void lease(RatePlan plan, List<RateDecision> admitted, int size, GcraPolicy.Batch batch, long sentAt) {
            if (admitted.isEmpty()) {
                return;
            }
            if (!plan.equals(leasePlan) || !batch.day().equals(leaseDay)) {
                returnLeased(leases.size());
            }
            leased.addAll(admitted);
            long lifetime = Math.min(LeasePolicy.LIFETIME.toNanos(), TimeUnit.MICROSECONDS.toNanos(batch.dayResetMicros()));
            leases.addLast(new Lease(admitted.size(), sentAt + lifetime, batch.tatEpochMicros()));
            leasePlan = plan;
            leaseDay = batch.day();
            leaseSize = size;
        }

        void refuse(RatePlan plan, RateDecision decision, long at, long until) {
            refusal = decision;
            refusalPlan = plan;
            refusedAt = at;
            refusedUntil = until;
        }

        /** What is left of lapsed leases under {@code plan}, to give back in the next run; null if nothing. */
        Unused takeUnused(RatePlan plan, long now) {
            expire(now);
            if (unused == null || !plan.equals(unused.plan())) {
                return null;
            }
            Unused taken = unused;
            unused = null;
            return taken;
        }

        boolean owesUnused(long now) {
            expire(now);
            return unused != null;
        }

        boolean idle(long now) {
            expire(now);
            return leased.isEmpty() && unused == null && now - lastCall >= IDLE_NANOS;
        }

        private void expire(long now) {
            int lapsed = 0;
            for (Lease lease : leases) {
                if (now - lease.expiresAt < 0) {
                    break;
                }
                lapsed++;
            }
            returnLeased(lapsed);
        }

        /** Moves the calls left of the {@code count} oldest leases to those owed back. */
        private void returnLeased(int count) {
            int calls = 0;
            long endMicros = Long.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                Lease lease = leases.pollFirst();
                calls += lease.left;
                endMicros = Math.min(endMicros, lease.endMicros);
                for (int j = 0; j < lease.left; j++) {
                    leased.pollFirst();
                }
            }
            if (calls == 0) {
                return;
            }
            if (unused != null && unused.plan().equals(leasePlan) && unused.day().equals(leaseDay)) {
                // The older lease ended first, so crediting up to its end never credits more than was taken.
                unused = new Unused(unused.calls() + calls, leasePlan, leaseDay, Math.min(unused.leaseEndMicros(), endMicros));
            } else {
                // Calls owed under another plan or day would be given back at the wrong rate or to the
                // wrong count; dropping them only ever refuses more.
                unused = new Unused(calls, leasePlan, leaseDay, endMicros);
            }
        }
    }
}
