package cn.opencredit.gateway.shared.audit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The append-only access log, written by group commit: entries queue up while one batch insert
 * is in flight and go together in the next, so the database sees one statement per round trip
 * however many requests arrive. {@link #append} completes when the entry is committed, and callers
 * answer only then: an answered request is never missing from the log. A crash loses only the
 * entries of requests that had not been answered yet.
 */
@Singleton
public class AuditLog {

    static final int MAX_BATCH = 512;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private record Pending(AuditEntry entry, CompletableFuture<Void> committed) {
    }

    private final Pool pool;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    AuditLog(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> append(AuditEntry entry) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        queue.add(new Pending(entry, committed));
        flushIfIdle();
        return Uni.createFrom().completionStage(committed);
    }

    private void flushIfIdle() {
        if (queue.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        for (Pending next = queue.poll(); next != null; next = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(next);
        }
        insert(batch).subscribe().with(
                ignored -> finish(batch, null),
                failure -> finish(batch, failure));
    }

    private void finish(List<Pending> batch, Throwable failure) {
        if (failure != null) {
            Log.errorf(failure, "Could not write %d access log entries", batch.size());
        }
        batch.forEach(p -> {
            if (failure == null) {
                p.committed().complete(null);
            } else {
                p.committed().completeExceptionally(failure);
            }
        });
        flushing.set(false);
        flushIfIdle();
    }

    private Uni<Void> insert(List<Pending> batch) {
        int n = batch.size();
        OffsetDateTime[] occurredAt = new OffsetDateTime[n];
        UUID[] consumerIds = new UUID[n];
        String[] names = new String[n];
        String[] types = new String[n];
        UUID[] keyIds = new UUID[n];
        String[] usccs = new String[n];
        String[] operations = new String[n];
        String[] purposes = new String[n];
        Short[] outcomes = new Short[n];
        String[] requestIds = new String[n];
        for (int i = 0; i < n; i++) {
            AuditEntry e = batch.get(i).entry();
            occurredAt[i] = e.occurredAt();
            consumerIds[i] = e.consumerId();
            names[i] = e.consumerName();
            types[i] = e.consumerType();
            keyIds[i] = e.keyId();
            usccs[i] = e.subjectUscc();
            operations[i] = e.operation();
            purposes[i] = e.purpose();
            outcomes[i] = (short) e.outcome();
            requestIds[i] = e.requestId();
        }
        return pool.preparedQuery("""
                        INSERT INTO audit_access_log (occurred_at, consumer_id, consumer_name, consumer_type, key_id, subject_uscc,
                                                      operation, purpose, outcome, request_id)
                        SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[],
                                             $7::text[], $8::text[], $9::smallint[], $10::text[])""")
                .execute(Tuple.from(List.of(occurredAt, consumerIds, names, types, keyIds, usccs, operations, purposes, outcomes,
                        requestIds)))
                .replaceWithVoid();
    }

    /** Graceful shutdown: entries still queued are written before the pool closes. */
    void onShutdown(@Observes ShutdownEvent event) {
        long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        while ((!queue.isEmpty() || flushing.get()) && System.nanoTime() < deadline) {
            flushIfIdle();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!queue.isEmpty()) {
            Log.errorf("%d access log entries were not written before shutdown", queue.size());
        }
    }
}
