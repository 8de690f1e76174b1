package cn.opencredit.gateway.shared.cache;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * This replica's copy of recently served answers, in front of Redis. It may serve an answer only
 * while it hears every invalidation: {@link InvalidationSubscriber} turns it on once its Redis
 * subscription stands, and off (emptying it) whenever the subscription is lost. Each answer also
 * lives at most its TTL, which bounds staleness even if an invalidation went astray.
 *
 * <p>An answer read from Redis or PostgreSQL is kept only if no invalidation of its subject came in
 * since the read began ({@link #token}); an invalidation that overtakes the write wins.
 */
@Singleton
class NearCache {

    /** Answers kept per subject: a profile, its audiences and the first record pages, not every cursor. */
    static final int MAX_ANSWERS_PER_SUBJECT = 16;
    private static final int STRIPES = 1 << 10;
    /** Rough per-answer bookkeeping on top of the body: entry, key, map slot. */
    private static final int ENTRY_OVERHEAD_BYTES = 200;

    /** Invalidations seen per stripe of subjects, and losses of the subscription (epoch). */
    record Token(long epoch, long stripe) {
    }

    /** An answer; its expiry moves when it is renewed (the rest never changes). */
    private static final class Entry {

        private final CachedJson answer;
        private final String version;
        private volatile long expiresAtNanos;

        Entry(CachedJson answer, String version, long expiresAtNanos) {
            this.answer = answer;
            this.version = version;
            this.expiresAtNanos = expiresAtNanos;
        }

        boolean fresh() {
            return System.nanoTime() - expiresAtNanos < 0;
        }
    }

    /** An answer past its TTL, and the subject's data version it was read under. */
    static final class Expired {

        private final Entry entry;

        private Expired(Entry entry) {
            this.entry = entry;
        }

        CachedJson answer() {
            return entry.answer;
        }

        String version() {
            return entry.version;
        }
    }

    private final Cache<String, Map<String, Entry>> subjects;
    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean live;

    NearCache(CacheConfig config) {
        Duration keepIdle = config.near().keepIdle();
        if (keepIdle.isNegative() || keepIdle.isZero()) {
            throw new IllegalArgumentException("opencredit.cache.near.keep-idle must be positive, not " + keepIdle);
        }
        this.subjects = Caffeine.newBuilder()
                .maximumWeight(config.near().maxSize().asLongValue())
                .weigher((String uscc, Map<String, Entry> answers) -> weight(answers))
                // Each answer's own expiry bounds what is served; this only frees the memory of subjects no longer read.
                // After access, not write: renewing moves an answer's expiry without writing the map (see renew). Long
                // against the TTL: a subject asked for every ten seconds or so, dropped and read again each time, was new
                // bytes kept for seconds and then reclaimed from the old generation (docs/benchmarks.md).
                .expireAfterAccess(keepIdle)
                // Upkeep (eviction, expiry) on the thread that wrote, not the common pool: handing it over woke a
                // pool thread on nearly every miss, a system call and a thread switch on two cores (docs/benchmarks.md).
                .executor(Runnable::run)
                .build();
    }

    /** A fresh answer, or null; always null while invalidations may be missed. */
    CachedJson get(String uscc, String key) {
        if (!live) {
            return null;
        }
        Map<String, Entry> answers = subjects.getIfPresent(uscc);
        Entry entry = answers == null ? null : answers.get(key);
        return entry == null || !entry.fresh() ? null : entry.answer;
    }

    /**
     * A found answer past its TTL, still held: if the subject's data version is still the one it was
     * read under, it can be renewed ({@link #renew}) instead of read and kept again as new bytes, which
     * a collection would have to promote each time (the hot set's answers, every TTL). Null otherwise.
     */
    Expired expired(String uscc, String key) {
        if (!live) {
            return null;
        }
        Map<String, Entry> answers = subjects.getIfPresent(uscc);
        Entry entry = answers == null ? null : answers.get(key);
        return entry == null || !entry.answer.found() || entry.fresh() ? null : new Expired(entry);
    }

    /** Take before reading an answer elsewhere; pass to {@link #put}. */
    Token token(String uscc) {
        return new Token(epoch.get(), stripes.get(stripe(uscc)));
    }

    /** Keeps {@code answer}, read under the subject's data {@code version}, for {@code ttl}, unless an invalidation came in since {@code token}. */
    void put(String uscc, String key, CachedJson answer, String version, Token token, Duration ttl) {
        if (!current(uscc, token)) {
            return;
        }
        Entry entry = new Entry(answer, version, System.nanoTime() + ttl.toNanos());
        subjects.asMap().compute(uscc, (ignored, old) -> with(old, key, entry));
        // An invalidation between the check and the write may have missed what was just written.
        if (!current(uscc, token)) {
            subjects.invalidate(uscc);
        }
    }

    /**
     * Serves {@code expired} for another {@code ttl}, the subject's data version being confirmed
     * unchanged, unless an invalidation came in since {@code token}. The entry's expiry moves in
     * place: a new entry and a copy of the subject's map every TTL would be objects that live a few
     * seconds, which collections promote and later have to reclaim from the old generation.
     */
    void renew(String uscc, Expired expired, Token token, Duration ttl) {
        if (!current(uscc, token)) {
            return;
        }
        expired.entry.expiresAtNanos = System.nanoTime() + ttl.toNanos();
        // An invalidation between the check and the write may have missed the renewal.
        if (!current(uscc, token)) {
            subjects.invalidate(uscc);
        }
    }

    /** Drops every answer about the subject. */
    void invalidate(String uscc) {
        stripes.incrementAndGet(stripe(uscc));
        subjects.invalidate(uscc);
    }

    /**
     * Whether invalidations are heard. Either way the cache starts empty: what was kept before a
     * gap may have been invalidated during it.
     */
    void live(boolean live) {
        this.live = live;
        epoch.incrementAndGet();
        subjects.invalidateAll();
    }

    boolean live() {
        return live;
    }

    long size() {
        return subjects.estimatedSize();
    }

    private boolean current(String uscc, Token token) {
        return live && epoch.get() == token.epoch() && stripes.get(stripe(uscc)) == token.stripe();
    }

    private static Map<String, Entry> with(Map<String, Entry> old, String key, Entry entry) {
        LinkedHashMap<String, Entry> answers = old == null ? new LinkedHashMap<>() : new LinkedHashMap<>(old);
        answers.remove(key);
        answers.put(key, entry);
        while (answers.size() > MAX_ANSWERS_PER_SUBJECT) {
            answers.remove(answers.keySet().iterator().next());
        }
        // Copied on write, so readers never see a map being changed; the order says which answer is oldest.
        return Collections.unmodifiableMap(answers);
    }

    private static int weight(Map<String, Entry> answers) {
        long bytes = 0;
        for (Map.Entry<String, Entry> answer : answers.entrySet()) {
            byte[] body = answer.getValue().answer.body();
            bytes += ENTRY_OVERHEAD_BYTES + 2L * answer.getKey().length() + (body == null ? 0 : body.length);
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static int stripe(String uscc) {
        return uscc.hashCode() & (STRIPES - 1);
    }
}
