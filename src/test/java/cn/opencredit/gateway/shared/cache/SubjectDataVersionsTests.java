package cn.opencredit.gateway.shared.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.testing.Eventually;

/**
 * A batch's subjects are bumped in pipelines against the real Redis: every version exactly once
 * and every subject announced, across several pipelines; while Redis holds writes, every subject
 * of the batch waits as pending and lands when Redis takes writes again.
 */
@QuarkusTest
class SubjectDataVersionsTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final SubjectDataVersions versions;
    private final RedisDataSource redis;

    SubjectDataVersionsTests(SubjectDataVersions versions, RedisDataSource redis) {
        this.versions = versions;
        this.redis = redis;
    }

    @Test
    void shouldBumpAndAnnounceEverySubjectOfABatchOnceAcrossPipelines() {
        List<String> usccs = subjects(SubjectDataVersions.PIPELINE_SUBJECTS * 2 + 50);
        redis.value(Long.class).set(SubjectDataVersions.key(usccs.getFirst()), 41L);
        Set<String> announced = ConcurrentHashMap.newKeySet();
        PubSubCommands.RedisSubscriber subscriber = redis.pubsub(String.class).subscribe(InvalidationSubscriber.CHANNEL, announced::add);
        try {
            versions.subjectsChanged(usccs).await().atMost(PATIENCE);

            Map<String, Long> stored = redis.value(Long.class).mget(usccs.stream().map(SubjectDataVersions::key).toArray(String[]::new));
            assertEquals(42L, stored.get(SubjectDataVersions.key(usccs.getFirst())), "a version that existed goes up by one");
            usccs.stream().skip(1).forEach(uscc -> assertEquals(1L, stored.get(SubjectDataVersions.key(uscc)), uscc));
            awaitUntil("every subject announced", () -> announced.containsAll(usccs));
            assertTrue(usccs.stream().noneMatch(versions::pending));
        } finally {
            subscriber.unsubscribe();
        }
    }

    @Test
    void shouldKeepEverySubjectOfABatchPendingWhileRedisHoldsWritesAndLandThemAfter() {
        List<String> usccs = subjects(SubjectDataVersions.PIPELINE_SUBJECTS + 20);

        redis.execute("CLIENT", "PAUSE", "1500", "WRITE");
        versions.subjectsChanged(usccs).await().atMost(PATIENCE);

        assertTrue(usccs.stream().allMatch(versions::pending), "every subject of the batch waits for Redis");
        awaitUntil("the retried bumps reached Redis", () -> usccs.stream().noneMatch(versions::pending));
        // The held pipeline runs once Redis takes writes again, and the retry bumps once more: a
        // version only has to change, so one or two bumps are both right, none is not.
        Map<String, Long> stored = redis.value(Long.class).mget(usccs.stream().map(SubjectDataVersions::key).toArray(String[]::new));
        usccs.forEach(uscc -> assertTrue(stored.get(SubjectDataVersions.key(uscc)) != null && stored.get(SubjectDataVersions.key(uscc)) >= 1L, uscc));
    }

    @Test
    void shouldDoNothingForAnEmptyBatch() {
        String uscc = subjects(1).getFirst();
        versions.subjectsChanged(List.of()).await().atMost(PATIENCE);
        assertFalse(redis.key().exists(SubjectDataVersions.key(uscc)));
    }

    /** Codes of this test only: the versions are plain Redis keys, no subject needs to exist. */
    private static List<String> subjects(int n) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return IntStream.range(0, n).mapToObj(i -> "test-" + run + "-" + i).toList();
    }

    private static void awaitUntil(String what, BooleanSupplier condition) {
        Eventually.awaitUntil(what, PATIENCE, condition);
    }
}
