package cn.opencredit.gateway.ingestion;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Ingestion's own tables on the reactive PostgreSQL client: idempotency keys, batches and their
 * 重错码 flags. Subjects and records are written through their capabilities, in the same transaction.
 */
@ApplicationScoped
class IngestionRepository {

    /** Separates the other USCCs of a flag inside one text array element. */
    private static final char LIST_SEPARATOR = '\u001f';

    private final Pool pool;

    IngestionRepository(Pool pool) {
        this.pool = pool;
    }

    /** A stored first answer to a batch sent with an Idempotency-Key. */
    record StoredAnswer(byte[] requestHash, int status, String body) {
    }

    /** Counts of a finished batch. */
    record BatchSummary(UUID id, UUID consumerId, String format, String template, String encoding, int received, int created, int updated,
            int unchanged, int refused) {
    }

    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /**
     * Takes the key for this attempt: true when it was free (or its answer had expired). A
     * concurrent attempt holding it makes this wait until that one commits or rolls back.
     */
    Uni<Boolean> claimKey(SqlConnection tx, UUID consumerId, String key, byte[] requestHash, UUID batchId, OffsetDateTime now,
            OffsetDateTime expiresAt) {
        return tx.preparedQuery("""
                        INSERT INTO ingestion_idempotency (consumer_id, idempotency_key, request_hash, batch_id, response_status,
                                                           response_body, created_at, expires_at)
                        VALUES ($1, $2, $3, $4, 0, '', $5, $6)
                        ON CONFLICT (consumer_id, idempotency_key) DO UPDATE
                            SET request_hash = EXCLUDED.request_hash, batch_id = EXCLUDED.batch_id, response_status = 0,
                                response_body = '', created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                            WHERE ingestion_idempotency.expires_at <= EXCLUDED.created_at
                        RETURNING 1""")
                .execute(Tuple.of(consumerId, key, Buffer.buffer(requestHash), batchId, now, expiresAt))
                .map(rows -> rows.size() == 1);
    }

    Uni<Void> storeAnswer(SqlConnection tx, UUID consumerId, String key, int status, String body) {
        return tx.preparedQuery("UPDATE ingestion_idempotency SET response_status = $3, response_body = $4 "
                        + "WHERE consumer_id = $1 AND idempotency_key = $2")
                .execute(Tuple.of(consumerId, key, status, body)).replaceWithVoid();
    }

    Uni<StoredAnswer> findAnswer(UUID consumerId, String key, OffsetDateTime now) {
        return pool.preparedQuery("SELECT request_hash, response_status, response_body FROM ingestion_idempotency "
                        + "WHERE consumer_id = $1 AND idempotency_key = $2 AND expires_at > $3")
                .execute(Tuple.of(consumerId, key, now))
                .map(rows -> rows.size() == 0 ? null : answer(rows.iterator().next()));
    }

    Uni<Long> purgeExpiredAnswers(OffsetDateTime now) {
        return pool.preparedQuery("DELETE FROM ingestion_idempotency WHERE expires_at <= $1").execute(Tuple.of(now))
                .map(rows -> (long) rows.rowCount());
    }

    Uni<Void> insertBatch(SqlConnection tx, BatchSummary batch) {
        return tx.preparedQuery("""
                        INSERT INTO ingestion_batch (id, consumer_id, format, template, encoding, received, created, updated, unchanged, refused)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .execute(Tuple.tuple(Arrays.asList(batch.id(), batch.consumerId(), batch.format(), batch.template(),
                        batch.encoding(), batch.received(), batch.created(), batch.updated(), batch.unchanged(), batch.refused())))
                .replaceWithVoid();
    }

    /** Flags of the batch's stored rows; a record that already has an open flag of the kind gets no second one. */
    Uni<Void> insertFlags(SqlConnection tx, UUID batchId, List<IngestionPolicies.NameFlag> flags) {
        if (flags.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        INSERT INTO ingestion_flag (kind, batch_id, row_number, source_department_uscc, source_record_id, record_id,
                                                    subject_uscc, reported_name, registered_name, other_usccs)
                        SELECT f.kind, $1, f.row_number, f.department, f.record, r.id, f.uscc, f.reported, f.registered,
                               string_to_array(f.others, chr(31))
                        FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
                             AS f(kind, row_number, department, record, uscc, reported, registered, others)
                        JOIN credit_record r ON r.source_department_uscc = f.department AND r.source_record_id = f.record
                        ON CONFLICT (kind, source_department_uscc, source_record_id) WHERE resolved_at IS NULL DO NOTHING""")
                .execute(Tuple.tuple(List.of(batchId,
                        flags.stream().map(f -> f.kind().name()).toArray(String[]::new),
                        flags.stream().map(f -> f.row().number()).toArray(Integer[]::new),
                        flags.stream().map(f -> f.row().sourceDepartmentUscc()).toArray(String[]::new),
                        flags.stream().map(f -> f.row().sourceRecordId()).toArray(String[]::new),
                        flags.stream().map(f -> f.row().subject().uscc()).toArray(String[]::new),
                        flags.stream().map(f -> f.row().subject().name()).toArray(String[]::new),
                        flags.stream().map(IngestionPolicies.NameFlag::registeredName).toArray(String[]::new),
                        flags.stream().map(f -> f.otherUsccs().isEmpty() ? null : String.join(String.valueOf(LIST_SEPARATOR), f.otherUsccs()))
                                .toArray(String[]::new))))
                .replaceWithVoid();
    }

    private static StoredAnswer answer(Row row) {
        return new StoredAnswer(row.getBuffer(0).getBytes(), row.getInteger(1), row.getString(2));
    }
}
