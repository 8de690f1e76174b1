package cn.opencredit.gateway.shared.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.ratelimit.RateDecision.Limit;
import cn.opencredit.gateway.shared.redis.RedisAvailability;
import cn.opencredit.gateway.shared.redis.RedisConfig;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.testing.EventLoops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.impl.ContextInternal;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;

/**
 * The limiter against the real Redis. Races run on two limiters with their own connections, as two
 * replicas of the gateway would, so that exactness holds across replicas and not just within one.
 */
@QuarkusTest
class RateLimiterTests {

    /** The management interface's {@code /q/}, with its trailing slash. */
    @TestHTTPResource(value = "", management = true)
    URL management;

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** The races prove atomicity, not latency; a slow build machine must not turn them into fallbacks. */
    private static final Duration RACE_TIMEOUT = Duration.ofSeconds(2);
    private static final String CLOSED_PORT = "redis://127.0.0.1:1";

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitConfig config;

    @Inject
    RedisDataSource redis;

    @Inject
    MeterRegistry meters;

    @Inject
    Vertx vertx;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    private final List<Redis> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(Redis::close);
    }

    @Test
    void shouldAdmitExactlyTheDailyQuotaWhenManyCallersRaceOnTwoReplicas() throws Exception {
        RatePlan plan = new RatePlan("test", 1_000, 1_000, 50);
        String consumer = consumer();
        RateLimiter one = replica(redisHosts, RACE_TIMEOUT, new SimpleMeterRegistry());
        RateLimiter two = replica(redisHosts, RACE_TIMEOUT, new SimpleMeterRegistry());

        List<RateDecision> decisions = race(200, caller -> (caller % 2 == 0 ? one : two).acquire(consumer, plan));

        assertTrue(decisions.stream().noneMatch(RateDecision::degraded), "every decision came from Redis");
        assertEquals(50, decisions.stream().filter(RateDecision::allowed).count());
        assertTrue(decisions.stream().filter(d -> !d.allowed()).allMatch(d -> d.refusedBy() == Limit.DAY && d.retryAfterSeconds() >= 1));
        assertEquals("50", redis.value(String.class).get(dayKey(consumer)), "refused calls are not counted");
    }

    @Test
    void shouldDecideACrowdOfOneConsumersCallsInFewerScriptRunsAndStillExactly() throws Exception {
        RatePlan plan = new RatePlan("test", 1_000, 1_000, 120);
        String consumer = consumer();
        SimpleMeterRegistry replicaMeters = new SimpleMeterRegistry();
        RateLimiter replica = replica(redisHosts, RACE_TIMEOUT, replicaMeters);

        List<RateDecision> decisions = race(300, caller -> replica.acquire(consumer, plan));

        double runs = replicaMeters.get("opencredit.ratelimit.redis.runs").counter().count();
        assertTrue(runs >= 1 && runs < 150, "calls that arrive while a run is in flight wait for the next one: " + runs + " runs");
        assertEquals(120, decisions.stream().filter(RateDecision::allowed).count());
        assertTrue(decisions.stream().filter(RateDecision::allowed).map(RateDecision::dayRemaining).distinct().count() == 120,
                "each admitted call sees its own remainder, as if it had come alone");
        assertEquals("120", redis.value(String.class).get(dayKey(consumer)));
    }

    @Test
    void shouldHandEachCallItsDecisionOnItsOwnEventLoopAndStillAdmitExactly() throws Exception {
        RatePlan plan = new RatePlan("test", 1_000, 1_000, 90);
        String consumer = consumer();
        SimpleMeterRegistry replicaMeters = new SimpleMeterRegistry();
        RateLimiter replica = replica(redisHosts, RACE_TIMEOUT, replicaMeters);
        List<ContextInternal> loops = EventLoops.two((io.vertx.core.impl.VertxInternal) vertx.getDelegate());

        int callsPerLoop = 100;
        CountDownLatch decided = new CountDownLatch(2 * callsPerLoop);
        List<RateDecision> decisions = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> elsewhere = java.util.Collections.synchronizedList(new ArrayList<>());
        for (ContextInternal loop : loops) {
            loop.runOnContext(ignored -> {
                Thread caller = Thread.currentThread();
                for (int i = 0; i < callsPerLoop; i++) {
                    replica.acquire(consumer, plan).subscribe().with(decision -> {
                        if (Thread.currentThread() != caller) {
                            elsewhere.add(caller.getName() + " -> " + Thread.currentThread().getName());
                        }
                        decisions.add(decision);
                        decided.countDown();
                    }, failure -> decided.countDown());
                }
            });
        }

        assertTrue(decided.await(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(elsewhere.isEmpty(), "every decision is handed out on the loop whose call it decides; " + elsewhere.size()
                + " were not, the first " + elsewhere.stream().findFirst().orElse(""));
        assertEquals(2 * callsPerLoop, decisions.size());
        assertEquals(90, decisions.stream().filter(RateDecision::allowed).count(), "the loops' runs together admit exactly the plan");
        assertEquals("90", redis.value(String.class).get(dayKey(consumer)));
        double runs = replicaMeters.get("opencredit.ratelimit.redis.runs").counter().count();
        assertTrue(runs >= 2 && runs < 2 * callsPerLoop, "each loop's calls are coalesced into runs of their own: " + runs + " runs");
    }

    @Test
    void shouldRepeatARefusalFromMemoryUntilTheMomentACallCouldBeAdmitted() throws Exception {
        RatePlan plan = new RatePlan("test", 2, 2, 1_000);
        String consumer = consumer();
        SimpleMeterRegistry replicaMeters = new SimpleMeterRegistry();
        RateLimiter replica = replica(redisHosts, RACE_TIMEOUT, replicaMeters);
        assertTrue(acquire(replica, consumer, plan).allowed());
        assertTrue(acquire(replica, consumer, plan).allowed());
        RateDecision refused = acquire(replica, consumer, plan);
        double runs = replicaMeters.get("opencredit.ratelimit.redis.runs").counter().count();

        for (int i = 0; i < 20; i++) {
            RateDecision again = replica.decideNow(consumer, plan);
            assertNotNull(again, "decided in memory after " + refused);
            assertEquals(Limit.BURST, again.refusedBy());
        }
        assertEquals(runs, replicaMeters.get("opencredit.ratelimit.redis.runs").counter().count(), "no run for the repeated refusals");
        assertEquals(Limit.BURST, refused.refusedBy());
        assertEquals("2", redis.value(String.class).get(dayKey(consumer)), "refusals are not counted");

        Thread.sleep(550);
        assertTrue(acquire(replica, consumer, plan).allowed(), "one interval (500 ms) later a call fits again");
    }

    @Test
    void shouldAdmitExactlyTheBurstWhenCallsArriveAtOnce() throws Exception {
        RatePlan plan = new RatePlan("test", 0.01, 10, 1_000);
        String consumer = consumer();
        RateLimiter one = replica(redisHosts, RACE_TIMEOUT, new SimpleMeterRegistry());
        RateLimiter two = replica(redisHosts, RACE_TIMEOUT, new SimpleMeterRegistry());

        List<RateDecision> decisions = race(100, caller -> (caller % 2 == 0 ? one : two).acquire(consumer, plan));

        assertTrue(decisions.stream().noneMatch(RateDecision::degraded), "every decision came from Redis");
        assertEquals(10, decisions.stream().filter(RateDecision::allowed).count());
        assertTrue(decisions.stream().filter(d -> !d.allowed())
                .allMatch(d -> d.refusedBy() == Limit.BURST && d.retryAfterSeconds() >= 1 && d.retryAfterSeconds() <= 100));
        assertEquals("10", redis.value(String.class).get(dayKey(consumer)), "refused calls do not consume the quota");
    }

    @Test
    void shouldChangeNothingWhenACallIsRefused() {
        RatePlan plan = new RatePlan("test", 0.01, 10, 2);
        String consumer = consumer();
        acquire(limiter, consumer, plan);
        acquire(limiter, consumer, plan);
        String tat = redis.value(String.class).get(tatKey(consumer));

        for (int i = 0; i < 5; i++) {
            RateDecision refused = acquire(limiter, consumer, plan);
            assertEquals(Limit.DAY, refused.refusedBy());
            assertEquals(8, refused.burstRemaining());
            assertEquals(0, refused.dayRemaining());
        }

        assertEquals(tat, redis.value(String.class).get(tatKey(consumer)));
        assertEquals("2", redis.value(String.class).get(dayKey(consumer)));
    }

    @Test
    void shouldCountTheDayInShanghaiAndExpireItsCounterAfterMidnight() {
        RatePlan plan = new RatePlan("test", 1, 5, 100);
        String consumer = consumer();

        RateDecision decision = acquire(limiter, consumer, plan);

        assertTrue(decision.allowed());
        assertFalse(decision.degraded());
        assertEquals(4, decision.burstRemaining());
        assertEquals(1, decision.burstResetSeconds());
        assertEquals(99, decision.dayRemaining());
        long untilMidnight = Duration.between(clock.instant(),
                ChinaTime.today(clock).plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()).toSeconds();
        assertTrue(Math.abs(decision.dayResetSeconds() - untilMidnight) <= 5, decision.dayResetSeconds() + " vs " + untilMidnight);
        assertEquals("1", redis.value(String.class).get(dayKey(consumer)));
        long dayTtl = redis.key().pttl(dayKey(consumer)) / 1_000;
        assertTrue(Math.abs(dayTtl - (untilMidnight + 3_600)) <= 5, "the day's counter lives until midnight plus an hour: " + dayTtl);
        assertTrue(redis.key().pttl(tatKey(consumer)) <= 1_000, "the TAT key lives until the burst is full again");
        assertEquals("\"burst\";q=5;w=5, \"day\";q=100;w=86400", decision.rateLimitPolicyHeader());
        assertEquals("\"burst\";r=4;t=1, \"day\";r=99;t=" + decision.dayResetSeconds(), decision.rateLimitHeader());
    }

    @Test
    void shouldRunTheScriptAgainWhenRedisHasForgottenIt() {
        redis.execute("SCRIPT", "FLUSH");

        RateDecision decision = acquire(limiter, consumer(), new RatePlan("test", 1, 5, 100));

        assertTrue(decision.allowed());
        assertFalse(decision.degraded());
    }

    @Test
    void shouldKeepLimitingAtTheFallbackShareWhenRedisIsUnreachable() throws Exception {
        SimpleMeterRegistry replicaMeters = new SimpleMeterRegistry();
        Replica cutOff = replicaWithAvailability(CLOSED_PORT, config.redisTimeout(), replicaMeters);
        RatePlan burstPlan = new RatePlan("test", 0.01, 10, 1_000);
        RatePlan quotaPlan = new RatePlan("test", 1_000, 100, 20);
        String consumer = consumer();

        ProblemException first = assertUndecided(cutOff.limiter(), consumer, burstPlan);
        assertEquals(1, first.retryAfterSeconds());
        awaitDown(cutOff.availability());
        List<RateDecision> burst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            burst.add(acquire(cutOff.limiter(), consumer, burstPlan));
        }
        long quotaAdmitted = 0;
        String quotaConsumer = consumer();
        for (int i = 0; i < 30; i++) {
            quotaAdmitted += acquire(cutOff.limiter(), quotaConsumer, quotaPlan).allowed() ? 1 : 0;
        }

        assertTrue(burst.stream().allMatch(RateDecision::degraded));
        assertEquals(5, burst.stream().filter(RateDecision::allowed).count(), "half of the burst of 10");
        assertEquals(5, burst.getFirst().plan().burst());
        assertTrue(burst.stream().filter(d -> !d.allowed()).allMatch(d -> d.refusedBy() == Limit.BURST));
        assertEquals(10, quotaAdmitted, "half of the daily quota of 20");
        assertEquals(1, replicaMeters.get("opencredit.ratelimit.degraded").counter().count(), "counted once, not per call");
        assertEquals(1, replicaMeters.get("opencredit.ratelimit.degraded.active").gauge().value());
        assertEquals(1, replicaMeters.get("opencredit.redis.down").gauge().value());
    }

    @Test
    void shouldAnswerUndecidedAndNeverDecideAloneWhenRedisAnswersTooLate() throws Exception {
        SimpleMeterRegistry replicaMeters = new SimpleMeterRegistry();
        Switchable connection = new Switchable(client(redisHosts).getDelegate(), client(CLOSED_PORT).getDelegate());
        Redis slowRedis = new Redis(connection);
        RedisAvailability availability = new RedisAvailability(slowRedis, redisConfig(), replicaMeters);
        RateLimiter replica = new RateLimiter(slowRedis, availability, replicaConfig(Duration.ofMillis(100)), clock, replicaMeters);
        RatePlan plan = new RatePlan("test", 1_000, 1_000, 3);
        String consumer = consumer();
        connection.delayScripts = Duration.ofMillis(400);

        for (int i = 0; i < 5; i++) {
            assertUndecided(replica, consumer, plan);
        }
        Thread.sleep(500);

        assertEquals("3", redis.value(String.class).get(dayKey(consumer)), "Redis ran every script it was sent, however late");
        assertFalse(availability.down(), "PING answers: Redis is slow, not gone");
        assertEquals(0, replicaMeters.get("opencredit.ratelimit.degraded").counter().count(), "the replica never decided alone");
        connection.delayScripts = Duration.ZERO;
        RateDecision after = acquire(replica, consumer, plan);
        assertFalse(after.allowed(), "the quota was used up by the late runs, and Redis says so");
        assertEquals(Limit.DAY, after.refusedBy());
        assertFalse(after.degraded());
    }

    @Test
    void shouldTellARefusalWithoutCountingACallBothFromRedisAndWhileAlone() throws Exception {
        RatePlan plan = new RatePlan("test", 0.01, 2, 1_000);
        String shared = consumer();
        assertNull(limiter.refusalNow(shared, plan), "nothing known of a new caller");
        assertTrue(acquire(limiter, shared, plan).allowed());
        for (int i = 0; i < 5; i++) {
            assertNull(limiter.refusalNow(shared, plan));
        }
        assertTrue(acquire(limiter, shared, plan).allowed(), "asking counted nothing: the second call of the burst is still there");
        assertNull(limiter.refusalNow(shared, plan), "the burst is used up, but no call was refused yet");
        assertFalse(acquire(limiter, shared, plan).allowed());
        RateDecision remembered = limiter.refusalNow(shared, plan);
        assertNotNull(remembered);
        assertFalse(remembered.allowed());

        Replica cut = replicaWithAvailability(CLOSED_PORT, config.redisTimeout(), new SimpleMeterRegistry());
        RateLimiter cutOff = cut.limiter();
        String alone = consumer();
        assertUndecided(cutOff, alone, plan);
        awaitDown(cut.availability());
        assertTrue(acquire(cutOff, alone, plan).allowed());
        // Alone, the replica keeps counters rather than refusals: it tells the refusal the next call would get.
        assertNotNull(cutOff.refusalNow(alone, plan), "half the burst of 2 is 1, and it is used");
        assertFalse(acquire(cutOff, alone, plan).allowed(), "telling counted nothing, and the call is refused as told");
        assertNotNull(cutOff.refusalNow(alone, plan));
    }

    @Test
    void shouldShareLimitsAgainWhenRedisAnswersAgain() throws Exception {
        SimpleMeterRegistry replicaMeters = new SimpleMeterRegistry();
        Switchable connection = new Switchable(client(redisHosts).getDelegate(), client(CLOSED_PORT).getDelegate());
        Redis switchable = new Redis(connection);
        RedisAvailability availability = new RedisAvailability(switchable, redisConfig(), replicaMeters);
        RateLimiter replica = new RateLimiter(switchable, availability, replicaConfig(config.redisTimeout()), clock, replicaMeters);
        RatePlan plan = new RatePlan("test", 100, 100, 1_000);
        String consumer = consumer();

        connection.outage = true;
        assertUndecided(replica, consumer, plan);
        awaitDown(availability);
        assertTrue(acquire(replica, consumer, plan).degraded());
        assertEquals(1, replicaMeters.get("opencredit.ratelimit.degraded.active").gauge().value());

        connection.outage = false;
        availability.probe();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (availability.down() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        RateDecision shared = acquire(replica, consumer, plan);

        assertFalse(shared.degraded());
        assertEquals(999, shared.dayRemaining(), "Redis counts from where it left off; the fallback's calls were its own");
        assertEquals(0, replicaMeters.get("opencredit.ratelimit.degraded.active").gauge().value());
        assertEquals(1, replicaMeters.get("opencredit.ratelimit.degraded").counter().count());
    }

    @Test
    void shouldPublishTheDegradationMetrics() {
        assertNotNull(meters.find("opencredit.ratelimit.degraded.active").gauge());

        given().when().get(management + "metrics").then().statusCode(200)
                .body(containsString("opencredit_ratelimit_degraded_total"))
                .body(containsString("opencredit_ratelimit_degraded_active"));
    }

    private RateLimiter replica(String redisUri, Duration timeout, MeterRegistry registry) {
        return replicaWithAvailability(redisUri, timeout, registry).limiter();
    }

    private record Replica(RateLimiter limiter, RedisAvailability availability) {
    }

    private Replica replicaWithAvailability(String redisUri, Duration timeout, MeterRegistry registry) {
        Redis client = client(redisUri);
        RedisAvailability availability = new RedisAvailability(client, redisConfig(), registry);
        return new Replica(new RateLimiter(client, availability, replicaConfig(timeout), clock, registry), availability);
    }

    private static RedisConfig redisConfig() {
        return () -> Duration.ofSeconds(1);
    }

    private static ProblemException assertUndecided(RateLimiter limiter, String consumer, RatePlan plan) {
        ProblemException undecided = assertThrows(ProblemException.class, () -> acquire(limiter, consumer, plan));
        assertEquals(ProblemType.SERVICE_UNAVAILABLE, undecided.type());
        return undecided;
    }

    private static void awaitDown(RedisAvailability availability) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!availability.down() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(availability.down(), "a PING to a closed port fails at once");
    }

    private Redis client(String redisUri) {
        // The client's own wait queue must hold a whole race; the pool default (24) would refuse part of it.
        Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUri).setMaxPoolWaiting(1_000));
        clients.add(client);
        return client;
    }

    private RateLimitConfig replicaConfig(Duration timeout) {
        return new ReplicaConfig(true, timeout, config.fallbackShare(), config.failedAuthentication(), config.keyPrefix());
    }

    private record ReplicaConfig(boolean enabled, Duration redisTimeout, double fallbackShare, FailedAuthentication failedAuthentication,
            String keyPrefix) implements RateLimitConfig {
    }

    private static final java.util.concurrent.ScheduledExecutorService DELAYS = Executors.newSingleThreadScheduledExecutor();

    /** A connection to Redis that can be cut and restored (it sends either to Redis or to a closed port), or slowed down. */
    private static final class Switchable implements io.vertx.redis.client.Redis {

        private final io.vertx.redis.client.Redis up;
        private final io.vertx.redis.client.Redis down;
        volatile boolean outage;
        /** Scripts are run at once but answered this much later, as a Redis busy with others would. */
        volatile Duration delayScripts = Duration.ZERO;

        Switchable(io.vertx.redis.client.Redis up, io.vertx.redis.client.Redis down) {
            this.up = up;
            this.down = down;
        }

        private io.vertx.redis.client.Redis current() {
            return outage ? down : up;
        }

        @Override
        public Future<RedisConnection> connect() {
            return current().connect();
        }

        @Override
        public void close() {
            // The two clients are closed with the others.
        }

        @Override
        public Future<io.vertx.redis.client.Response> send(io.vertx.redis.client.Request request) {
            Future<io.vertx.redis.client.Response> reply = current().send(request);
            Duration delay = delayScripts;
            if (delay.isZero() || request.command() == io.vertx.redis.client.Command.PING) {
                return reply;
            }
            io.vertx.core.Promise<io.vertx.redis.client.Response> late = io.vertx.core.Promise.promise();
            reply.onComplete(result -> DELAYS.schedule(() -> late.handle(result), delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
            return late.future();
        }

        @Override
        public Future<List<io.vertx.redis.client.Response>> batch(List<io.vertx.redis.client.Request> requests) {
            return current().batch(requests);
        }
    }

    private static List<RateDecision> race(int callers, IntFunction<Uni<RateDecision>> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<RateDecision>> pending = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                int caller = i;
                pending.add(threads.submit(() -> {
                    start.await();
                    return call.apply(caller).await().atMost(PATIENCE);
                }));
            }
            start.countDown();
            List<RateDecision> decisions = new ArrayList<>();
            for (java.util.concurrent.Future<RateDecision> decision : pending) {
                decisions.add(decision.get());
            }
            return decisions;
        }
    }

    private static RateDecision acquire(RateLimiter limiter, String consumer, RatePlan plan) {
        return limiter.acquire(consumer, plan).await().atMost(PATIENCE);
    }

    private static String consumer() {
        return "test:" + UUID.randomUUID();
    }

    private String tatKey(String consumer) {
        return config.keyPrefix() + "{" + consumer + "}:tat";
    }

    private String dayKey(String consumer) {
        return config.keyPrefix() + "{" + consumer + "}:day:" + ChinaTime.today(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
