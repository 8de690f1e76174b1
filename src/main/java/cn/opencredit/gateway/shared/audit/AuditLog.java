package cn.opencredit.gateway.shared.audit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 * The append-only access and operations logs, written by group commit: entries of both queue up
 * while one batch is in flight and go together in the next, one statement (and one commit) for
 * both tables, so the database sees one round trip however many requests arrive. {@link #append}
 * completes when the entry is committed, and callers answer only then: an answered request is never
 * missing from the log. A crash loses only the entries of requests that had not been answered yet.
 */
@Singleton
public class AuditLog {

    static final int MAX_BATCH = 512;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    /** An {@link AuditEntry} or an {@link OperationEntry}, and who waits for its commit. */
    private record Pending(Object entry, CompletableFuture<Void> committed) {
    }

    private final Pool pool;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    AuditLog(Pool pool) {
        this.pool = pool;
    }

    /** A read about one subject, for that subject's access log. */
    public Uni<Void> append(AuditEntry entry) {
        return Uni.createFrom().completionStage(write(entry));
    }

    /** {@link #append(AuditEntry)} as a stage that completes on the thread that saw the commit, without a reactive pipeline. */
    public CompletionStage<Void> write(AuditEntry entry) {
        return enqueue(entry);
    }

    /** A bulk read, for the operations log, as a stage like {@link #write(AuditEntry)}. */
    public CompletionStage<Void> write(OperationEntry entry) {
        return enqueue(entry);
    }

    private CompletableFuture<Void> enqueue(Object entry) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        queue.add(new Pending(entry, committed));
        flushIfIdle();
        return committed;
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
        List<AuditEntry> accesses = new ArrayList<>();
        List<OperationEntry> operations = new ArrayList<>();
        for (Pending pending : batch) {
            if (pending.entry() instanceof AuditEntry access) {
                accesses.add(access);
            } else {
                operations.add((OperationEntry) pending.entry());
            }
        }
        return pool.preparedQuery(INSERT).execute(Tuple.from(columns(accesses, operations))).replaceWithVoid();
    }

    /** Both logs in one statement: an empty array inserts nothing, and the batch commits once. */
    private static final String INSERT = """
            WITH accesses AS (
                INSERT INTO audit_access_log (occurred_at, consumer_id, consumer_name, consumer_type, key_id, subject_uscc, operation,
                                              purpose, outcome, request_id, consent_id, disclosed)
                SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[],
                                     $9::smallint[], $10::text[], $21::bigint[], $22::text[]))
            INSERT INTO audit_operation_log (occurred_at, consumer_id, consumer_name, consumer_type, key_id, operation, filters, items,
                                             outcome, request_id)
            SELECT o, c, n, t, k, op, f::jsonb, i, r, q
            FROM unnest($11::timestamptz[], $12::uuid[], $13::text[], $14::text[], $15::uuid[], $16::text[], $17::text[], $18::int[],
                        $19::smallint[], $20::text[]) AS x(o, c, n, t, k, op, f, i, r, q)""";

    private static List<Object> columns(List<AuditEntry> accesses, List<OperationEntry> operations) {
        int a = accesses.size();
        OffsetDateTime[] occurredAt = new OffsetDateTime[a];
        UUID[] consumerIds = new UUID[a];
        String[] names = new String[a];
        String[] types = new String[a];
        UUID[] keyIds = new UUID[a];
        String[] usccs = new String[a];
        String[] operationNames = new String[a];
        String[] purposes = new String[a];
        Short[] outcomes = new Short[a];
        String[] requestIds = new String[a];
        Long[] consentIds = new Long[a];
        String[] disclosed = new String[a];
        for (int i = 0; i < a; i++) {
            AuditEntry e = accesses.get(i);
            consentIds[i] = e.consentId();
            disclosed[i] = e.disclosed();
            occurredAt[i] = e.occurredAt();
            consumerIds[i] = e.consumerId();
            names[i] = e.consumerName();
            types[i] = e.consumerType();
            keyIds[i] = e.keyId();
            usccs[i] = e.subjectUscc();
            operationNames[i] = e.operation();
            purposes[i] = e.purpose();
            outcomes[i] = (short) e.outcome();
            requestIds[i] = e.requestId();
        }
        int o = operations.size();
        OffsetDateTime[] bulkAt = new OffsetDateTime[o];
        UUID[] bulkConsumers = new UUID[o];
        String[] bulkNames = new String[o];
        String[] bulkTypes = new String[o];
        UUID[] bulkKeys = new UUID[o];
        String[] bulkOperations = new String[o];
        String[] filters = new String[o];
        Integer[] items = new Integer[o];
        Short[] bulkOutcomes = new Short[o];
        String[] bulkRequests = new String[o];
        for (int i = 0; i < o; i++) {
            OperationEntry e = operations.get(i);
            bulkAt[i] = e.occurredAt();
            bulkConsumers[i] = e.consumerId();
            bulkNames[i] = e.consumerName();
            bulkTypes[i] = e.consumerType();
            bulkKeys[i] = e.keyId();
            bulkOperations[i] = e.operation();
            filters[i] = e.filters();
            items[i] = e.items();
            bulkOutcomes[i] = (short) e.outcome();
            bulkRequests[i] = e.requestId();
        }
        return List.of(occurredAt, consumerIds, names, types, keyIds, usccs, operationNames, purposes, outcomes, requestIds,
                bulkAt, bulkConsumers, bulkNames, bulkTypes, bulkKeys, bulkOperations, filters, items, bulkOutcomes, bulkRequests,
                consentIds, disclosed);
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
