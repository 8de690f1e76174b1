package cn.opencredit.gateway.shared.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * A per-subject data version in Redis, part of the validity of every cached answer derived from
 * the subject. A write that changes anything about a subject (record, list entry, removal, repair,
 * objection, the subject itself) bumps it after committing, which invalidates every cached view of
 * that subject in Redis at once, and announces the change on {@link InvalidationSubscriber#CHANNEL}
 * so that every replica drops the subject from its near cache; nothing has to know which views exist.
 *
 * <p>A bump that cannot reach Redis is kept and retried every second until it lands, so a Redis
 * outage delays an invalidation instead of losing it; meanwhile every near cache is off (no
 * subscription) and Redis entries of an older version are never served once the bump lands.
 */
@ApplicationScoped
public class SubjectDataVersions {

    static final String PREFIX = "cache:ver:";
    private static final Duration REDIS_WAIT = Duration.ofMillis(200);
    /** Bumps kept for retry at most; beyond it the cache TTL is the only bound on staleness. */
    private static final int MAX_PENDING = 100_000;
    static final int PIPELINE_SUBJECTS = 200;
    private static final int PIPELINES_IN_FLIGHT = 4;

    private final Redis redis;
    private final NearCache near;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    SubjectDataVersions(Redis redis, NearCache near, MeterRegistry registry) {
        this.redis = redis;
        this.near = near;
        Gauge.builder("opencredit.cache.invalidations.pending", pending, Set::size)
                .description("Subject changes not yet announced because Redis could not be reached; retried every second")
                .register(registry);
    }

    /**
     * Call after the transaction that changed the subject has committed. Never fails the caller:
     * an invalidation that cannot reach Redis now is retried until it does.
     */
    public Uni<Void> subjectChanged(String uscc) {
        return subjectsChanged(List.of(uscc));
    }

    /**
     * {@link #subjectChanged} for every subject a write changed (an ingested batch's, an evaluation
     * job's): the bumps go to Redis as pipelines of {@value #PIPELINE_SUBJECTS} subjects, each one
     * round trip, not a round trip per subject. A pipeline Redis does not take leaves its subjects
     * pending for the retry.
     */
    public Uni<Void> subjectsChanged(Collection<String> usccs) {
        if (usccs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> all = List.copyOf(usccs);
        // This replica's own near cache first: a client that wrote here reads its write here at once.
        all.forEach(near::invalidate);
        return Multi.createFrom().iterable(all).group().intoLists().of(PIPELINE_SUBJECTS)
                .onItem().transformToUni(pipeline -> bumpAll(pipeline)
                        // And again after it: a read that fetched the old version meanwhile must not have left it here.
                        .invoke(() -> pipeline.forEach(near::invalidate))
                        .onFailure().invoke(failure -> {
                            Log.warnf("Could not invalidate the cached views of %s yet (%s); retrying every second",
                                    pipeline.size() == 1 ? pipeline.getFirst() : pipeline.size() + " subjects", failure.toString());
                            pipeline.stream().limit(Math.max(0, MAX_PENDING - pending.size())).forEach(pending::add);
                            // A read may have put the old answer back from Redis while the bump was failing;
                            // from now on reads of the subject find it pending and go to PostgreSQL.
                            pipeline.forEach(near::invalidate);
                        })
                        .onFailure().recoverWithNull())
                .merge(PIPELINES_IN_FLIGHT)
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * Whether a change of the subject made through this replica has not reached Redis yet: until it
     * does, what Redis holds about the subject may predate the change.
     */
    public boolean pending(String uscc) {
        return pending.contains(uscc);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retryPending() {
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(List.copyOf(pending)).group().intoLists().of(PIPELINE_SUBJECTS)
                .onItem().transformToUni(pipeline -> bumpAll(pipeline)
                        .invoke(() -> pipeline.forEach(pending::remove))
                        .onFailure().recoverWithNull())
                .merge(PIPELINES_IN_FLIGHT)
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * Per subject its version, then its announcement, in one pipeline: so no replica hears of a
     * change before it is visible.
     */
    private Uni<Void> bumpAll(List<String> usccs) {
        List<Request> commands = new ArrayList<>(usccs.size() * 2);
        usccs.forEach(uscc -> {
            commands.add(Request.cmd(Command.INCR).arg(key(uscc)));
            commands.add(Request.cmd(Command.PUBLISH).arg(InvalidationSubscriber.CHANNEL).arg(uscc));
        });
        return redis.batch(commands)
                .ifNoItem().after(REDIS_WAIT).fail()
                .replaceWithVoid();
    }

    /** In the subject's hash slot, so that one MGET reads it together with a cached answer (Redis Cluster). */
    static String key(String uscc) {
        return PREFIX + "{" + uscc + "}";
    }
}
