package cn.opencredit.gateway.shared.cache;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * A per-subject data version in Redis, part of every cache key derived from the subject. A write
 * that changes anything about a subject (record, list entry, removal, repair, objection, the subject
 * itself) bumps it after committing, which invalidates every cached view of that subject on every
 * replica at once; nothing has to know which views exist.
 */
@ApplicationScoped
public class SubjectDataVersions {

    static final String PREFIX = "cache:ver:";
    private static final Duration REDIS_WAIT = Duration.ofMillis(200);

    private final ReactiveValueCommands<String, Long> versions;

    SubjectDataVersions(ReactiveRedisDataSource redis) {
        this.versions = redis.value(Long.class);
    }

    /**
     * Call after the transaction that changed the subject has committed. Never fails the caller:
     * if Redis is unreachable the cache's TTL bounds how long a stale view can live.
     */
    public Uni<Void> subjectChanged(String uscc) {
        return versions.incr(key(uscc))
                .ifNoItem().after(REDIS_WAIT).fail()
                .onFailure().invoke(failure -> Log.warnf("Could not bump the cache version of %s: %s", uscc, failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** In the subject's hash slot, so that one MGET reads it together with a cached answer (Redis Cluster). */
    static String key(String uscc) {
        return PREFIX + "{" + uscc + "}";
    }
}
