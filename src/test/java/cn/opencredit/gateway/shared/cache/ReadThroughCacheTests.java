package cn.opencredit.gateway.shared.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.mutiny.core.Vertx;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.shared.redis.RedisAvailability;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.profile.ProfileService;
import cn.opencredit.gateway.testing.EventLoops;
import cn.opencredit.gateway.testing.Eventually;

/**
 * The cache against the real Redis and PostgreSQL: near cache, Redis, invalidation by version and
 * by announcement, and the outage behaviour. Subjects of their own (MA0C…), so that records added
 * here do not disturb other tests.
 */
@QuarkusTest
class ReadThroughCacheTests {

    /** The management interface's {@code /q/}, with its trailing slash. */
    @TestHTTPResource(value = "", management = true)
    URL management;

    private static final String CACHED_SUBJECT = SubjectFixtures.uscc("91", "MA0C0001");
    private static final String ANNOUNCED_SUBJECT = SubjectFixtures.uscc("91", "MA0C0002");
    private static final String PAUSED_SUBJECT = SubjectFixtures.uscc("91", "MA0C0003");
    private static final String UNSUBSCRIBED_SUBJECT = SubjectFixtures.uscc("91", "MA0C0004");
    private static final String UNANNOUNCED_SUBJECT = SubjectFixtures.uscc("91", "MA0C0005");
    private static final String RENEWED_SUBJECT = SubjectFixtures.uscc("91", "MA0C0006");
    private static final String SILENTLY_CHANGED_SUBJECT = SubjectFixtures.uscc("91", "MA0C0007");
    private static final String IDLE_SUBJECT = SubjectFixtures.uscc("91", "MA0C0008");
    private static final String PROFILE = "/api/v1/subjects/{uscc}";
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** How long the other event loop is kept busy: well past the cache's Redis timeout (50 ms). */
    private static final Duration BUSY = Duration.ofMillis(600);

    private final SubjectFixtures fixtures;
    private final AccessFixtures access;
    private final AgroalDataSource dataSource;
    private final SubjectDataVersions versions;
    private final ReadThroughCache cache;
    private final InvalidationSubscriber invalidations;
    private final RedisDataSource redis;
    private final MeterRegistry meters;
    private final RedisAvailability availability;
    private final ProfileService profiles;
    private final EvaluationFixtures evaluations;
    private final CacheConfig config;
    private final Vertx vertx;

    ReadThroughCacheTests(SubjectFixtures fixtures, AccessFixtures access, AgroalDataSource dataSource, SubjectDataVersions versions,
            ReadThroughCache cache, InvalidationSubscriber invalidations, RedisDataSource redis, MeterRegistry meters,
            RedisAvailability availability, ProfileService profiles, EvaluationFixtures evaluations, CacheConfig config, Vertx vertx) {
        this.vertx = vertx;
        this.evaluations = evaluations;
        this.config = config;
        this.availability = availability;
        this.profiles = profiles;
        this.fixtures = fixtures;
        this.access = access;
        this.dataSource = dataSource;
        this.versions = versions;
        this.cache = cache;
        this.invalidations = invalidations;
        this.redis = redis;
        this.meters = meters;
    }

    @BeforeEach
    void subjectsAndAHealthyCache() {
        fixtures.ensureLoaded();
        for (String uscc : new String[] {CACHED_SUBJECT, ANNOUNCED_SUBJECT, PAUSED_SUBJECT, UNSUBSCRIBED_SUBJECT, UNANNOUNCED_SUBJECT,
                RENEWED_SUBJECT, SILENTLY_CHANGED_SUBJECT, IDLE_SUBJECT}) {
            fixtures.register(uscc, "天山缓存测试有限公司");
        }
        // A subject registered just now is evaluated moments later, and its new grade invalidates its
        // cached views: every test here starts after that, so a HIT it expects is not taken away.
        evaluations.awaitQuiet();
        awaitUntil("Redis answers reads and the near cache serves", () -> !cache.degraded() && invalidations.subscribed());
    }

    @Test
    void shouldServeSecondReadFromCacheWithTheSameEtagAnd304() {
        versions.subjectChanged(SubjectFixtures.RICH).await().atMost(Duration.ofSeconds(2));
        ExtractableResponse<Response> first = given().when().get(PROFILE, SubjectFixtures.RICH)
                .then().statusCode(200).header("X-Cache", "MISS").extract();
        String etag = first.header("ETag");
        given().when().get(PROFILE, SubjectFixtures.RICH)
                .then().statusCode(200).header("X-Cache", "HIT").header("ETag", etag)
                .body("uscc", equalTo(SubjectFixtures.RICH));
        assertEquals(first.asString(), given().when().get(PROFILE, SubjectFixtures.RICH).asString());
        given().header("If-None-Match", etag).when().get(PROFILE, SubjectFixtures.RICH)
                .then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", "W/" + etag + ", \"other\"").when().get(PROFILE, SubjectFixtures.RICH)
                .then().statusCode(304);
        given().header("If-None-Match", "\"other\"").when().get(PROFILE, SubjectFixtures.RICH)
                .then().statusCode(200);
        given().header("If-None-Match", "W/" + etag).when().get(PROFILE, SubjectFixtures.RICH).then().statusCode(304);
        given().header("If-None-Match", "\"other\"," + etag).when().get(PROFILE, SubjectFixtures.RICH).then().statusCode(304);
        given().header("If-None-Match", "*").when().get(PROFILE, SubjectFixtures.RICH).then().statusCode(304);
        // "*" matches a current representation only: there is none for an unknown subject.
        given().header("If-None-Match", "*").when().get(PROFILE, SubjectFixtures.UNREGISTERED).then().statusCode(404);
        assertEquals("Authorization", first.header("Vary"), "shared caches must keep the views of different callers apart");
    }

    /**
     * A miss asks Redis (MGET), loads and stores (SET) through the client of the caller's event loop,
     * so it needs no other loop: with the other one busy, it is still answered at once and stored.
     * Through the default client, whose connections all live on one loop, a miss asked on the other
     * loop waited for that one, past the cache's Redis timeout, and was answered unstored (degraded).
     */
    @Test
    void shouldAnswerAndStoreAMissWithoutTheOtherEventLoop() throws Exception {
        List<ContextInternal> loops = EventLoops.two((VertxInternal) vertx.getDelegate());
        String name = "loop-test-" + UUID.randomUUID();
        for (int i = 0; i < loops.size(); i++) {
            ContextInternal asking = loops.get(i);
            ContextInternal busy = loops.get(1 - i);
            String uscc = SubjectFixtures.uscc("91", "MA0C009" + i);
            CountDownLatch blocked = new CountDownLatch(1);
            CountDownLatch released = new CountDownLatch(1);
            busy.runOnContext(ignored -> {
                blocked.countDown();
                sleep(BUSY);
                released.countDown();
            });
            assertTrue(blocked.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            long started = System.nanoTime();
            CompletableFuture<CachedJson> answered = new CompletableFuture<>();
            asking.runOnContext(ignored -> cache.get(uscc, name, "public", () -> Uni.createFrom().item(Map.of("uscc", uscc)))
                    .subscribe().with(answered::complete, answered::completeExceptionally));
            CachedJson answer = answered.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(answer.found() && !answer.hit(), "a miss");
            assertTrue(millis < BUSY.toMillis() / 2, "answered in " + millis + " ms while the other loop was busy");
            assertFalse(cache.degraded(), "Redis answered in time");
            String stored = storedKey("cache:{" + uscc + "}:" + name + ":public:*");
            assertTrue(redis.value(String.class).get(stored).endsWith("{\"uscc\":\"" + uscc + "\"}"));
            // The next round keeps this loop busy: it must be free of this round's task first.
            assertTrue(released.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
    }

    /**
     * A miss is answered without waiting for its store: while Redis holds writes, the miss is answered
     * well within the cache's Redis timeout (which it waited out before), not counted as degraded, and
     * its answer lands in Redis once writes are taken again. The fastest of three attempts is timed, so
     * that one pause of the test machine does not decide.
     */
    @Test
    void shouldAnswerAMissWithoutWaitingForItsStore() {
        String uscc = SubjectFixtures.uscc("91", "MA0C0010");
        long fastest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            String name = "store-test-" + UUID.randomUUID();
            String pattern = "cache:{" + uscc + "}:" + name + ":public:*";
            double degraded = count("degraded");
            redis.execute("CLIENT", "PAUSE", "400", "WRITE");
            long started = System.nanoTime();
            CachedJson answer = cache.get(uscc, name, "public", () -> Uni.createFrom().item(Map.of("uscc", uscc))).await().atMost(PATIENCE);
            fastest = Math.min(fastest, Duration.ofNanos(System.nanoTime() - started).toMillis());
            assertTrue(answer.found() && !answer.hit(), "a miss, answered");
            assertTrue(redis.key().keys(pattern).isEmpty(), "answered before Redis took its store");
            assertEquals(degraded, count("degraded"), "not a degraded read");
            // Its store was held, not lost: the next attempt's commands must not queue behind it.
            storedKey(pattern);
        }
        assertTrue(fastest < config.redisTimeout().toMillis(), "answered in " + fastest + " ms with its store held by Redis");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A value in Redis that is not {@code version|etag|body} (damaged, or written by something else) is a miss, never served. */
    @Test
    void shouldReloadAnAnswerWhoseStoredValueIsDamaged() {
        String uscc = SubjectFixtures.uscc("91", "MA0C0006");
        fixtures.register(uscc, "天山缓存测试有限公司");
        // Its first evaluation would bump its version between two reads below.
        evaluations.awaitQuiet();
        given().when().get(PROFILE, uscc).then().statusCode(200);
        String key = storedKey("cache:{" + uscc + "}:profile:public:*");
        for (String damage : new String[] {"no separator at all", "|", "@VERSION@|one separator only"}) {
            // The bump also drops this replica's copy in memory, so the next read asks Redis.
            versions.subjectChanged(uscc).await().atMost(Duration.ofSeconds(2));
            String version = redis.value(String.class).get(SubjectDataVersions.key(uscc));
            redis.value(String.class).set(key, damage.replace("@VERSION@", version));
            String body = given().when().get(PROFILE, uscc).then().statusCode(200).header("X-Cache", "MISS")
                    .body("uscc", equalTo(uscc)).body("name", equalTo("天山缓存测试有限公司")).extract().asString();
            awaitUntil("the reload stored a well-formed value again", () -> redis.value(String.class).get(key).startsWith(version + "|\""));
            given().when().get(PROFILE, uscc).then().statusCode(200).header("X-Cache", "HIT").body(equalTo(body));
        }
    }

    @Test
    void shouldServeRepeatedReadsFromMemoryWithoutAskingRedis() {
        versions.subjectChanged(CACHED_SUBJECT).await().atMost(Duration.ofSeconds(2));
        given().when().get(PROFILE, CACHED_SUBJECT).then().statusCode(200).header("X-Cache", "MISS");
        double fromMemory = count("near");
        double fromRedis = count("hit");

        for (int i = 0; i < 5; i++) {
            given().when().get(PROFILE, CACHED_SUBJECT).then().statusCode(200).header("X-Cache", "HIT");
        }

        assertEquals(fromMemory + 5, count("near"), "all five came from this replica's memory");
        assertEquals(fromRedis, count("hit"), "none of them asked Redis");
    }

    @Test
    void shouldShowANewRecordAtOnceWhenTheSubjectVersionIsBumped() throws SQLException {
        given().when().get(PROFILE, CACHED_SUBJECT).then().statusCode(200);
        given().when().get(PROFILE, CACHED_SUBJECT).then().statusCode(200).header("X-Cache", "HIT")
                .body("latestRecords.title", not(hasItem("cache invalidation record")));
        insertRecord(CACHED_SUBJECT, "cache invalidation record");
        versions.subjectChanged(CACHED_SUBJECT).await().atMost(Duration.ofSeconds(2));
        given().when().get(PROFILE, CACHED_SUBJECT).then().statusCode(200).header("X-Cache", "MISS")
                .body("latestRecords.title", hasItem("cache invalidation record"));
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.BANK)))
                .when().get("/api/v1/subjects/{uscc}/records", CACHED_SUBJECT).then().statusCode(200)
                .body("items.title", hasItem("cache invalidation record"));
    }

    @Test
    void shouldDropTheCopyInMemoryWhenAnotherReplicaAnnouncesAChange() throws SQLException {
        given().when().get(PROFILE, ANNOUNCED_SUBJECT).then().statusCode(200);
        given().when().get(PROFILE, ANNOUNCED_SUBJECT).then().statusCode(200).header("X-Cache", "HIT");
        insertRecord(ANNOUNCED_SUBJECT, "announced elsewhere");

        // What SubjectDataVersions does on another replica after its write commits.
        redis.value(Long.class).incr(SubjectDataVersions.key(ANNOUNCED_SUBJECT));
        redis.pubsub(String.class).publish(InvalidationSubscriber.CHANNEL, ANNOUNCED_SUBJECT);

        awaitUntil("the announcement reached this replica", () -> given().when().get(PROFILE, ANNOUNCED_SUBJECT).then()
                .extract().path("latestRecords.title").toString().contains("announced elsewhere"));
        given().when().get(PROFILE, ANNOUNCED_SUBJECT).then().statusCode(200).header("X-Cache", "HIT")
                .body("latestRecords.title", hasItem("announced elsewhere"));
    }

    @Test
    void shouldCacheUnknownSubjectsBriefly() {
        String unknown = SubjectFixtures.uscc("91", "MA0C0999");
        double before = count("near") + count("hit");
        given().when().get(PROFILE, unknown).then().statusCode(404);
        given().when().get(PROFILE, unknown).then().statusCode(404)
                .body("type", equalTo("https://api.opencredit.cn/problems/subject-not-found"));
        assertTrue(count("near") + count("hit") > before, "the second 404 came from the cache");
        String key = storedKey("cache:{" + unknown + "}:profile:public:*");
        long ttl = redis.key().pttl(key);
        assertTrue(ttl > 0 && ttl <= 60_000, "negative answers live at most a minute, not " + ttl);
    }

    @Test
    void shouldKeepAnsweringFromPostgresqlWhileRedisIsPausedAndRecoverByItself() {
        // Paused for a while rather than unpaused later: an UNPAUSE would wait behind the pause like any command.
        redis.execute("CLIENT", "PAUSE", "4000", "ALL");
        // The rate limiter cannot tell whether Redis counted the call, so it neither admits nor refuses it.
        given().when().get(PROFILE, PAUSED_SUBJECT).then().statusCode(503).header("Retry-After", "1")
                .body("type", equalTo("https://api.opencredit.cn/problems/service-unavailable"));
        awaitUntil("a PING found Redis unreachable", availability::down);
        long started = System.nanoTime();
        given().when().get(PROFILE, PAUSED_SUBJECT)
                .then().statusCode(200).header("X-Cache", "MISS").body("uscc", equalTo(PAUSED_SUBJECT));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 1_000, "answered in " + millis + " ms while Redis was paused");
        assertTrue(cache.degraded(), "the cache noticed");
        given().when().get(management + "health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'redis' }.data.degraded", equalTo(true))
                .body("checks.find { it.name == 'redis' }.data.cache", equalTo("reading from PostgreSQL"))
                .body("checks.find { it.name == 'redis' }.data.rateLimiter", equalTo("deciding alone"));
        assertEquals(1, meters.get("opencredit.cache.degraded.active").gauge().value());
        long degradedStarted = System.nanoTime();
        given().when().get(PROFILE, PAUSED_SUBJECT).then().statusCode(200).header("X-Cache", "MISS");
        assertTrue(System.nanoTime() - degradedStarted < Duration.ofMillis(500).toNanos(), "a degraded read does not wait for Redis");

        awaitUntil("the cache and the near cache are back", () -> !cache.degraded() && invalidations.subscribed());
        given().when().get(management + "health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'redis' }.data.cache", equalTo("on"))
                .body("checks.find { it.name == 'redis' }.data.nearCache", equalTo("on"));
        given().when().get(PROFILE, PAUSED_SUBJECT).then().statusCode(200);
        given().when().get(PROFILE, PAUSED_SUBJECT).then().statusCode(200).header("X-Cache", "HIT")
                .header("RateLimit", not(org.hamcrest.Matchers.emptyOrNullString()));
    }

    @Test
    void shouldReadItsOwnWriteFromPostgresqlUntilTheChangeReachesRedis() throws SQLException {
        Uscc subject = Uscc.parse(UNANNOUNCED_SUBJECT);
        profile(subject);
        assertTrue(profile(subject).hit());
        assertFalse(profile(subject).json().contains("written while Redis held writes"));
        insertRecord(UNANNOUNCED_SUBJECT, "written while Redis held writes");

        // Redis keeps answering reads but holds writes, so the bump times out and is kept for retry.
        // (The rate limiter's script writes too, so this test asks the profile service directly.)
        redis.execute("CLIENT", "PAUSE", "1500", "WRITE");
        versions.subjectChanged(UNANNOUNCED_SUBJECT).await().atMost(Duration.ofSeconds(2));

        assertTrue(versions.pending(UNANNOUNCED_SUBJECT), "the change waits for Redis");
        CachedJson own = profile(subject);
        assertFalse(own.hit());
        assertTrue(own.json().contains("written while Redis held writes"));
        awaitUntil("the retried bump reached Redis", () -> !versions.pending(UNANNOUNCED_SUBJECT));
        assertTrue(profile(subject).json().contains("written while Redis held writes"));
        CachedJson cached = profile(subject);
        assertTrue(cached.hit());
        assertTrue(cached.json().contains("written while Redis held writes"));
    }

    private CachedJson profile(Uscc uscc) {
        return profiles.profile(uscc, null).await().atMost(PATIENCE);
    }

    @Test
    void shouldStopServingFromMemoryWhileTheSubscriptionIsLostAndResume() {
        given().when().get(PROFILE, UNSUBSCRIBED_SUBJECT).then().statusCode(200);
        double lost = meters.get("opencredit.cache.invalidations.lost").counter().count();

        redis.execute("CLIENT", "KILL", "TYPE", "pubsub");

        // The near cache is switched off a moment before the loss is counted, so the test waits for both.
        awaitUntil("the loss was noticed and counted once", () -> !invalidations.subscribed()
                && meters.get("opencredit.cache.invalidations.lost").counter().count() >= lost + 1);
        assertEquals(lost + 1, meters.get("opencredit.cache.invalidations.lost").counter().count());
        double fromRedis = count("hit");
        double fromMemoryBefore = count("near");
        given().when().get(PROFILE, UNSUBSCRIBED_SUBJECT).then().statusCode(200).header("X-Cache", "HIT");
        // Whether or not the subscription is back yet, the near cache was emptied when it was lost.
        assertTrue(count("hit") > fromRedis, "the answer came from Redis");
        assertEquals(fromMemoryBefore, count("near"), "the copy held in memory before the loss was not served");

        awaitUntil("subscribed again", invalidations::subscribed);
        given().when().get(management + "health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'redis' }.data.nearCache", equalTo("on"));
        given().when().get(PROFILE, UNSUBSCRIBED_SUBJECT).then().statusCode(200);
        double fromMemory = count("near");
        given().when().get(PROFILE, UNSUBSCRIBED_SUBJECT).then().statusCode(200).header("X-Cache", "HIT");
        assertEquals(fromMemory + 1, count("near"));
    }

    /** Past the near TTL, an unchanged subject's answer is renewed after Redis confirms its version, not fetched again. */
    @Test
    void shouldRenewAnAnswerPastItsTtlWhenRedisConfirmsTheSubjectUnchanged() throws InterruptedException {
        String etag = heldInMemory(RENEWED_SUBJECT);
        sleepPast(config.near().ttl());
        double renewed = count("renewed");
        double fromRedis = count("hit");
        given().when().get(PROFILE, RENEWED_SUBJECT).then().statusCode(200).header("X-Cache", "HIT").header("ETag", etag)
                .body("uscc", equalTo(RENEWED_SUBJECT));
        assertEquals(renewed + 1, count("renewed"), "the answer held was renewed");
        assertEquals(fromRedis, count("hit"), "the answer itself was not fetched from Redis");
        double fromMemory = count("near");
        given().when().get(PROFILE, RENEWED_SUBJECT).then().statusCode(200).header("X-Cache", "HIT");
        assertEquals(fromMemory + 1, count("near"), "and is served from memory for another TTL");
        // Renewed in place, the answer outlives twice the TTL since it was first kept, and is renewed again.
        sleepPast(config.near().ttl());
        given().when().get(PROFILE, RENEWED_SUBJECT).then().statusCode(200).header("X-Cache", "HIT").header("ETag", etag);
        assertEquals(renewed + 2, count("renewed"), "the answer held was renewed a second time");
        assertEquals(fromRedis, count("hit"), "and still not fetched from Redis");
    }

    /** An answer nobody asked for during twice its TTL is still held, and renewed rather than fetched again. */
    @Test
    void shouldRenewAnAnswerLeftIdleForTwiceItsTtl() throws InterruptedException {
        String etag = heldInMemory(IDLE_SUBJECT);
        sleepPast(config.near().ttl().multipliedBy(2));
        double renewed = count("renewed");
        double fromRedis = count("hit");
        given().when().get(PROFILE, IDLE_SUBJECT).then().statusCode(200).header("X-Cache", "HIT").header("ETag", etag);
        assertEquals(renewed + 1, count("renewed"), "the idle answer was renewed");
        assertEquals(fromRedis, count("hit"), "not fetched from Redis again");
    }

    /**
     * A version raised without its announcement (as if the announcement were lost): the answer held
     * is served until its TTL, and past it is not renewed but read again.
     */
    @Test
    void shouldNotRenewAnAnswerWhoseSubjectChangedWithoutAnnouncement() throws InterruptedException {
        heldInMemory(SILENTLY_CHANGED_SUBJECT);
        redis.value(String.class).incr(SubjectDataVersions.key(SILENTLY_CHANGED_SUBJECT));
        sleepPast(config.near().ttl());
        double renewed = count("renewed");
        given().when().get(PROFILE, SILENTLY_CHANGED_SUBJECT).then().statusCode(200).header("X-Cache", "MISS")
                .body("uscc", equalTo(SILENTLY_CHANGED_SUBJECT));
        assertEquals(renewed, count("renewed"), "nothing was renewed");
    }

    /**
     * Reads the subject's profile until this replica serves it from memory; its ETag. A HIT alone does
     * not prove it is held: an answer read from Redis is not kept when an invalidation of another
     * subject in the same stripe, or a late announcement, comes in during the read, as it should not be.
     */
    private String heldInMemory(String uscc) {
        given().when().get(PROFILE, uscc).then().statusCode(200);
        String[] etag = new String[1];
        awaitUntil("the answer about " + uscc + " is served from this replica's memory", () -> {
            double fromMemory = count("near");
            etag[0] = given().when().get(PROFILE, uscc).then().statusCode(200).header("X-Cache", "HIT").extract().header("ETag");
            return count("near") == fromMemory + 1;
        });
        return etag[0];
    }

    private static void sleepPast(Duration duration) throws InterruptedException {
        Thread.sleep(duration.plusMillis(300).toMillis());
    }

    private double count(String result) {
        var counter = meters.find("opencredit.cache.requests").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The one key matching {@code pattern}, once a miss's store (sent, not waited for) has landed. */
    private String storedKey(String pattern) {
        awaitUntil("the miss stored its answer as " + pattern, () -> !redis.key().keys(pattern).isEmpty());
        List<String> keys = redis.key().keys(pattern);
        assertEquals(1, keys.size(), "one answer stored under " + pattern);
        return keys.getFirst();
    }

    private static void awaitUntil(String what, BooleanSupplier condition) {
        Eventually.awaitUntil(what, PATIENCE, condition);
    }

    private void insertRecord(String uscc, String title) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id,
                            title, decision_date, reported_on, content, published_from)
                        SELECT id, 'LICENCE', ?, ?, ?, ?, ?, ?, '内容', ? FROM subject WHERE uscc = ?""")) {
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            insert.setString(1, SubjectFixtures.DEPARTMENT);
            insert.setString(2, SubjectFixtures.DEPARTMENT_USCC);
            insert.setString(3, "cache-" + System.nanoTime());
            insert.setString(4, title);
            insert.setObject(5, today);
            insert.setObject(6, today);
            insert.setObject(7, today);
            insert.setString(8, uscc);
            insert.executeUpdate();
        }
    }
}
