package cn.opencredit.gateway.shared.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.redis.LoopRedis;
import cn.opencredit.gateway.shared.redis.RedisAvailability;
import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * Cache-aside for answers derived from one subject: a near cache in each replica's memory, in
 * front of Redis, in front of PostgreSQL.
 * <ul>
 * <li>Keys carry the subject in a hash tag, the answer's name, the caller's view and the China
 * calendar day ({@code cache:{uscc}:profile:public:20261129}), so one view is never served for
 * another, and answers that depend on today (publication windows, list periods) start afresh at
 * midnight.</li>
 * <li>Each value is stored with the subject's data version it was read under; one MGET fetches
 * value and current version together, and a value of an older version is a miss. A write bumps
 * the version ({@link SubjectDataVersions}), which invalidates every answer about the subject on
 * every replica at once. A load that raced with a write stores the old version and is never served.</li>
 * <li>Concurrent misses of one key on one replica share a single load (stampede protection per
 * replica; replicas do not coordinate, so at most one load per replica).</li>
 * <li>"Not found" is cached briefly too, so scanning unknown codes cannot drive PostgreSQL.</li>
 * <li>The near cache ({@link NearCache}) serves an answer for at most its TTL, and only while this
 * replica hears every change announcement ({@link InvalidationSubscriber}). Past its TTL, a found
 * answer is renewed when Redis says the subject's version is still the one it was read under
 * (one GET of the version instead of the answer), so the hot set's answers are not read and kept
 * as new bytes every TTL.</li>
 * <li>Redis unreachable or slower than the read timeout: the answer is loaded from PostgreSQL
 * and not stored; the miss is counted as degraded. After such a failure reads go straight to
 * PostgreSQL, so an outage does not add the timeout to every read, until Redis answers a PING
 * again ({@link RedisAvailability}). A subject whose change this replica could not yet announce is read
 * from PostgreSQL the same way until the announcement lands, so that a client reads its own write.</li>
 * <li>Commands go through the Redis client of the event loop they are sent from ({@link LoopRedis}), so that
 * a miss's MGET and SET and their answers stay on the loop of the request and of the PostgreSQL
 * answer instead of crossing to the one loop the default client's connections live on: each
 * crossing cost a wake-up, a system call (docs/benchmarks.md, eighteenth sitting).</li>
 * <li>A shared load is given up after {@code opencredit.cache.load-timeout}, so that a query that
 * never ends cannot hold every later reader of the same answer.</li>
 * </ul>
 */
@Singleton
public class ReadThroughCache {

    private static final byte[] NOT_FOUND = new byte[0];
    private static final char SEPARATOR = '|';

    private final LoopRedis redis;
    private final ObjectMapper json;
    private final CacheConfig config;
    private final NearCache near;
    private final SubjectDataVersions versions;
    private final Clock clock;
    private final Map<String, Uni<CachedJson>> loading = new ConcurrentHashMap<>();
    private final Counter nearHits;
    private final Counter hits;
    private final Counter renewed;
    private final Counter misses;
    private final Counter degraded;
    private final RedisAvailability availability;
    private volatile Day day = new Day(LocalDate.MIN, "");

    ReadThroughCache(LoopRedis redis, RedisAvailability availability, ObjectMapper json, CacheConfig config, NearCache near,
            SubjectDataVersions versions, Clock clock, MeterRegistry registry) {
        this.redis = redis;
        this.availability = availability;
        this.json = json;
        this.config = config;
        this.near = near;
        this.versions = versions;
        this.clock = clock;
        String description = "Cached reads by where the answer came from: near (this replica's memory), renewed (this replica's memory "
                + "past its TTL, once Redis confirmed the subject unchanged), hit (Redis), miss (PostgreSQL, then stored), degraded (PostgreSQL because Redis did not answer, or has not heard of a change made here yet)";
        this.nearHits = Counter.builder("opencredit.cache.requests").description(description).tag("result", "near").register(registry);
        this.hits = Counter.builder("opencredit.cache.requests").description(description).tag("result", "hit").register(registry);
        this.renewed = Counter.builder("opencredit.cache.requests").description(description).tag("result", "renewed").register(registry);
        this.misses = Counter.builder("opencredit.cache.requests").description(description).tag("result", "miss").register(registry);
        this.degraded = Counter.builder("opencredit.cache.requests").description(description).tag("result", "degraded").register(registry);
        Gauge.builder("opencredit.cache.degraded.active", this, cache -> cache.degraded() ? 1 : 0)
                .description("1 while this replica reads past Redis because it did not answer, else 0")
                .register(registry);
    }

    /** Whether reads currently go past Redis because it did not answer, for the readiness details. */
    public boolean degraded() {
        return config.enabled() && !availability.up();
    }

    /**
     * The answer {@code name} about subject {@code uscc} as {@code view} sees it.
     *
     * @param loader reads the answer from PostgreSQL; a null item, or a failure with a 404
     *               {@link ProblemException}, means "not found" and is cached as such
     */
    public Uni<CachedJson> get(String uscc, String name, String view, Supplier<Uni<?>> loader) {
        if (!config.enabled()) {
            return load(loader).map(body -> answer(body, false));
        }
        String key = "cache:{" + uscc + "}:" + name + ":" + view + ":" + day();
        CachedJson remembered = near.get(uscc, key);
        if (remembered != null) {
            nearHits.increment();
            return Uni.createFrom().item(remembered);
        }
        if (!availability.up() || versions.pending(uscc)) {
            degraded.increment();
            return load(loader).map(body -> answer(body, false));
        }
        NearCache.Token token = near.token(uscc);
        NearCache.Expired expired = near.expired(uscc, key);
        if (expired == null) {
            return viaRedis(uscc, key, loader, token);
        }
        // Only the version is asked for: unchanged, the answer held is still the answer.
        return redis.here().send(Request.cmd(Command.GET).arg(SubjectDataVersions.key(uscc)))
                .ifNoItem().after(config.redisTimeout()).fail()
                .onItemOrFailure().transformToUni((reply, failure) -> {
                    if (failure != null) {
                        return degradedLoad(failure, loader);
                    }
                    availability.answered();
                    if (!expired.version().equals(versionOf(text(reply)))) {
                        return viaRedis(uscc, key, loader, token);
                    }
                    renewed.increment();
                    near.renew(uscc, expired, token, config.near().ttl());
                    return Uni.createFrom().item(expired.answer());
                });
    }

    private Uni<CachedJson> viaRedis(String uscc, String key, Supplier<Uni<?>> loader, NearCache.Token token) {
        return redis.here().send(Request.cmd(Command.MGET).arg(SubjectDataVersions.key(uscc)).arg(key))
                .ifNoItem().after(config.redisTimeout()).fail()
                .onItemOrFailure().transformToUni((reply, failure) -> {
                    if (failure != null) {
                        return degradedLoad(failure, loader);
                    }
                    availability.answered();
                    String version = versionOf(text(reply.get(0)));
                    Response stored = reply.get(1);
                    CachedJson cached = stored == null ? null : fromStored(stored.toBytes(), version);
                    if (cached != null) {
                        hits.increment();
                        remember(uscc, key, cached, version, token);
                        return Uni.createFrom().item(cached);
                    }
                    misses.increment();
                    return loadOnce(uscc, key, version, loader, token);
                });
    }

    private Uni<CachedJson> degradedLoad(Throwable failure, Supplier<Uni<?>> loader) {
        availability.failed("cache", failure);
        degraded.increment();
        return load(loader).map(body -> answer(body, false));
    }

    /** A subject's data version as stored with answers: "0" before its first change. */
    private static String versionOf(String version) {
        return version == null ? "0" : version;
    }

    private Uni<CachedJson> loadOnce(String uscc, String key, String version, Supplier<Uni<?>> loader, NearCache.Token token) {
        String flightKey = key + SEPARATOR + version;
        return loading.computeIfAbsent(flightKey, ignored -> load(loader)
                .ifNoItem().after(config.loadTimeout()).fail()
                .map(body -> answer(body, false))
                .invoke(answer -> {
                    store(key, version, answer);
                    remember(uscc, key, answer.asHit(), version, token);
                })
                // A block, not an expression: remove() returns this very Uni, and eventually() would wait for it.
                .eventually(() -> {
                    loading.remove(flightKey);
                })
                .memoize().indefinitely());
    }

    /** The loaded body as UTF-8 JSON, or {@link #NOT_FOUND}. */
    private Uni<byte[]> load(Supplier<Uni<?>> loader) {
        return loader.get()
                .map(item -> item == null ? NOT_FOUND : serialise(item))
                .onFailure(ReadThroughCache::isNotFound).recoverWithItem(NOT_FOUND);
    }

    /** Today in China as yyyymmdd, formatted once a day rather than on every read. */
    private String day() {
        LocalDate today = ChinaTime.today(clock);
        Day current = day;
        if (!current.date().equals(today)) {
            current = new Day(today, today.format(DateTimeFormatter.BASIC_ISO_DATE));
            day = current;
        }
        return current.text();
    }

    private record Day(LocalDate date, String text) {
    }

    private void remember(String uscc, String key, CachedJson answer, String version, NearCache.Token token) {
        if (config.near().enabled()) {
            Duration ttl = answer.found() ? config.near().ttl() : min(config.near().ttl(), config.negativeTtl());
            near.put(uscc, key, answer, version, token, ttl);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Sends the answer to Redis and does not wait for it: the caller's answer does not depend on Redis
     * holding it (a store that failed or never finished is a later miss), so the miss is not held for
     * another round trip, and no timeout is set for it.
     */
    private void store(String key, String version, CachedJson answer) {
        byte[] body = answer.found() ? answer.body() : NOT_FOUND;
        byte[] head = (version + SEPARATOR + answer.etag() + SEPARATOR).getBytes(StandardCharsets.US_ASCII);
        byte[] value = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, value, head.length, body.length);
        long ttlMillis = (body.length == 0 ? config.negativeTtl() : config.ttl()).toMillis();
        redis.here().send(Request.cmd(Command.SET).arg(key).arg(value).arg("PX").arg(ttlMillis))
                .subscribe().with(stored -> {
                }, failure -> Log.debugf("cache store of %s failed: %s", key, failure.toString()));
    }

    /** The stored value {@code version|etag|body}, if it was stored under the current version; else null. */
    private static CachedJson fromStored(byte[] stored, String currentVersion) {
        int first = indexOf(stored, 0);
        int second = indexOf(stored, first + 1);
        if (first < 0 || second < 0) {
            return null;
        }
        String storedVersion = new String(stored, 0, first, StandardCharsets.US_ASCII);
        if (!storedVersion.equals(currentVersion)) {
            return null;
        }
        byte[] body = Arrays.copyOfRange(stored, second + 1, stored.length);
        return new CachedJson(body.length == 0 ? null : body, new String(stored, first + 1, second - first - 1, StandardCharsets.US_ASCII), true);
    }

    private static int indexOf(byte[] stored, int from) {
        for (int i = Math.max(from, 0); i < stored.length; i++) {
            if (stored[i] == SEPARATOR) {
                return i;
            }
        }
        return -1;
    }

    private static CachedJson answer(byte[] body, boolean hit) {
        return new CachedJson(body.length == 0 ? null : body, etagOf(body), hit);
    }

    private byte[] serialise(Object item) {
        try {
            return json.writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view could not be serialised", e);
        }
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof ProblemException problem && problem.type().status() == 404;
    }

    private static String text(Response response) {
        return response == null ? null : response.toString(StandardCharsets.UTF_8);
    }

    /** Strong validator: the body's SHA-256, shortened; equal bodies give equal tags on every replica. */
    static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
