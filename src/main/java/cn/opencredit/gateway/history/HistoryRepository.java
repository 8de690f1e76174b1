package cn.opencredit.gateway.history;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The history chain, its checkpoints and the integrity checks, on the reactive client. */
@ApplicationScoped
class HistoryRepository {

    /** The tables whose rows the history records; the only names ever formatted into SQL here. */
    static final List<String> RECORDED_TABLES = List.of("credit_record", "list_entry");

    private final Pool pool;

    HistoryRepository(Pool pool) {
        this.pool = pool;
    }

    record ChainHead(long sequence, byte[] hash) {
    }

    record StoredCheckpoint(long sequence, byte[] hash, OffsetDateTime signedAt, String keyId, byte[] signature) {
    }

    /** What differs between a row and its latest history entry, as the database sees both. */
    record RowMismatch(long rowId, Long sequence, String operation, String rowContent, String historyContent) {
    }

    /** One range of row ids compared: how many rows it held and those that do not match. */
    record RangeComparison(long rows, List<RowMismatch> mismatches) {
    }

    Uni<ChainHead> head() {
        return pool.query("SELECT last_sequence, last_hash FROM history_chain_head").execute()
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new ChainHead(row.getLong("last_sequence"), row.getBuffer("last_hash").getBytes());
                });
    }

    /** Up to {@code limit} entries after {@code afterSequence} and not past {@code upToSequence}, by primary-key range. */
    Uni<List<HistoryLink>> links(long afterSequence, long upToSequence, int limit) {
        return pool.preparedQuery("""
                        SELECT sequence, table_name, row_id, operation, (extract(epoch FROM recorded_at) * 1000000)::bigint AS micros,
                               content::text AS content, hash
                        FROM history_entry WHERE sequence > $1 AND sequence <= $2 ORDER BY sequence LIMIT $3""")
                .execute(Tuple.of(afterSequence, upToSequence, limit))
                .map(rows -> {
                    List<HistoryLink> links = new ArrayList<>(rows.size());
                    rows.forEach(row -> links.add(new HistoryLink(row.getLong("sequence"), row.getString("table_name"), row.getLong("row_id"),
                            row.getString("operation"), row.getLong("micros"), row.getString("content"), row.getBuffer("hash").getBytes())));
                    return links;
                });
    }

    /** The stored hash of one entry, empty when there is no such entry. */
    Uni<Optional<byte[]>> entryHash(long sequence) {
        return pool.preparedQuery("SELECT hash FROM history_entry WHERE sequence = $1").execute(Tuple.of(sequence))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getBuffer("hash").getBytes()));
    }

    /** Checkpoints after {@code afterSequence} and not past {@code upToSequence}, in sequence order. */
    Uni<List<StoredCheckpoint>> checkpoints(long afterSequence, long upToSequence) {
        return pool.preparedQuery("""
                        SELECT sequence, hash, signed_at, key_id, signature FROM history_checkpoint
                        WHERE sequence > $1 AND sequence <= $2 ORDER BY sequence""")
                .execute(Tuple.of(afterSequence, upToSequence))
                .map(rows -> {
                    List<StoredCheckpoint> checkpoints = new ArrayList<>(rows.size());
                    rows.forEach(row -> checkpoints.add(checkpoint(row)));
                    return checkpoints;
                });
    }

    Uni<Long> countCheckpoints(long upToSequence) {
        return pool.preparedQuery("SELECT count(*) FROM history_checkpoint WHERE sequence <= $1").execute(Tuple.of(upToSequence))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Newest first, before {@code beforeSequence} when given. */
    Uni<List<StoredCheckpoint>> checkpointPage(Optional<Long> beforeSequence, int fetchSize) {
        return pool.preparedQuery("""
                        SELECT sequence, hash, signed_at, key_id, signature FROM history_checkpoint
                        WHERE sequence < $1 ORDER BY sequence DESC LIMIT $2""")
                .execute(Tuple.of(beforeSequence.orElse(Long.MAX_VALUE), fetchSize))
                .map(rows -> {
                    List<StoredCheckpoint> checkpoints = new ArrayList<>(rows.size());
                    rows.forEach(row -> checkpoints.add(checkpoint(row)));
                    return checkpoints;
                });
    }

    Uni<Optional<StoredCheckpoint>> checkpoint(long sequence) {
        return pool.preparedQuery("SELECT sequence, hash, signed_at, key_id, signature FROM history_checkpoint WHERE sequence = $1")
                .execute(Tuple.of(sequence))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(checkpoint(rows.iterator().next())));
    }

    /** Stores a checkpoint unless that sequence is signed already (two replicas signing one head sign the same bytes). */
    Uni<Void> insertCheckpoint(StoredCheckpoint checkpoint) {
        return pool.preparedQuery("""
                        INSERT INTO history_checkpoint (sequence, hash, signed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (sequence) DO NOTHING""")
                .execute(Tuple.of(checkpoint.sequence(), Buffer.buffer(checkpoint.hash()), checkpoint.signedAt(), checkpoint.keyId(),
                        Buffer.buffer(checkpoint.signature())))
                .replaceWithVoid();
    }

    /** Rows of the recorded tables, for the progress of a check. */
    Uni<Long> countRows() {
        return pool.query("SELECT (SELECT count(*) FROM credit_record) + (SELECT count(*) FROM list_entry)").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The highest id that a row of {@code table} or one of its history entries has: where the comparison ends. */
    Uni<Long> highestRowId(String table) {
        String name = recorded(table);
        return pool.preparedQuery("SELECT greatest((SELECT max(id) FROM " + name + "), "
                        + "(SELECT max(row_id) FROM history_entry WHERE table_name = $1), 0)")
                .execute(Tuple.of(name))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Compares the rows of {@code table} with ids in [{@code fromId}, {@code toId}) with their latest
     * history entries, in one statement (one snapshot, so a concurrent write is seen with its entry
     * or not at all). A mismatch is a row without an entry, an entry that is not a deletion for a
     * row that is gone, a deletion for a row that is there, or a row whose content differs.
     */
    Uni<RangeComparison> compare(String table, long fromId, long toId) {
        String name = recorded(table);
        return pool.preparedQuery("""
                        WITH current_rows AS (SELECT * FROM %1$s WHERE id >= $1 AND id < $2),
                        latest AS (SELECT DISTINCT ON (h.row_id) h.row_id, h.sequence, h.operation, h.content
                                   FROM history_entry h WHERE h.table_name = '%1$s' AND h.row_id >= $1 AND h.row_id < $2
                                   ORDER BY h.row_id, h.sequence DESC),
                        mismatched AS (SELECT coalesce(r.id, l.row_id) AS row_id, l.sequence, l.operation,
                                              CASE WHEN r.id IS NULL THEN NULL ELSE to_jsonb(r)::text END AS row_content,
                                              l.content::text AS history_content
                                       FROM current_rows r FULL JOIN latest l ON l.row_id = r.id
                                       WHERE l.row_id IS NULL OR (r.id IS NULL) <> (l.operation = 'DELETE')
                                          OR (r.id IS NOT NULL AND l.operation <> 'DELETE' AND to_jsonb(r) <> l.content))
                        SELECT (SELECT count(*) FROM current_rows) AS rows_in_range, m.*
                        FROM (SELECT 1) one LEFT JOIN mismatched m ON true ORDER BY m.row_id""".formatted(name))
                .execute(Tuple.of(fromId, toId))
                .map(rows -> {
                    long count = 0;
                    List<RowMismatch> mismatches = new ArrayList<>();
                    for (Row row : rows) {
                        count = row.getLong("rows_in_range");
                        if (row.getLong("row_id") != null) {
                            mismatches.add(new RowMismatch(row.getLong("row_id"), row.getLong("sequence"), row.getString("operation"),
                                    row.getString("row_content"), row.getString("history_content")));
                        }
                    }
                    return new RangeComparison(count, mismatches);
                });
    }

    // ----- integrity checks run in the background -----

    record CheckRow(UUID id, UUID requestedBy, OffsetDateTime requestedAt, OffsetDateTime heartbeatAt, OffsetDateTime finishedAt,
            String state, String phase, long headSequence, byte[] headHash, long entriesVerified, int checkpointsTotal, int checkpointsVerified,
            long rowsTotal, long rowsChecked, Boolean intact, JsonObject brokenLink, JsonArray findings, int findingsCount,
            String failure) {
    }

    Uni<Void> insertCheck(UUID id, UUID requestedBy, OffsetDateTime at, ChainHead head) {
        return pool.preparedQuery("""
                        INSERT INTO history_integrity_check (id, requested_by, requested_at, heartbeat_at, state, phase, head_sequence, head_hash)
                        VALUES ($1, $2, $3, $3, 'RUNNING', 'CHAIN', $4, $5)""")
                .execute(Tuple.of(id, requestedBy, at, head.sequence(), Buffer.buffer(head.hash())))
                .replaceWithVoid();
    }

    Uni<Void> progress(UUID id, String phase, long entriesVerified, int checkpointsTotal, int checkpointsVerified, long rowsTotal,
            long rowsChecked, int findingsCount) {
        return pool.preparedQuery("""
                        UPDATE history_integrity_check SET heartbeat_at = now(), phase = $2, entries_verified = $3, checkpoints_total = $4,
                               checkpoints_verified = $5, rows_total = $6, rows_checked = $7, findings_count = $8
                        WHERE id = $1 AND state = 'RUNNING'""")
                .execute(Tuple.from(List.of(id, phase, entriesVerified, checkpointsTotal, checkpointsVerified, rowsTotal, rowsChecked,
                        findingsCount)))
                .replaceWithVoid();
    }

    Uni<Void> finish(UUID id, String state, Boolean intact, JsonObject brokenLink, JsonArray findings, int findingsCount, String failure) {
        return pool.preparedQuery("""
                        UPDATE history_integrity_check SET heartbeat_at = now(), finished_at = now(), state = $2,
                               phase = CASE WHEN $2 = 'FINISHED' THEN 'DONE' ELSE phase END,
                               intact = $3, broken_link = $4, findings = $5, findings_count = $6, failure = $7
                        WHERE id = $1""")
                .execute(Tuple.from(java.util.Arrays.asList(id, state, intact, brokenLink, findings, findingsCount, failure)))
                .replaceWithVoid();
    }

    Uni<Optional<CheckRow>> findCheck(UUID id) {
        return pool.preparedQuery("SELECT * FROM history_integrity_check WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(checkRow(rows.iterator().next())));
    }

    /** A check still running whose replica reported within {@code staleAfterSeconds}. */
    Uni<Optional<CheckRow>> runningCheck(long staleAfterSeconds) {
        return pool.preparedQuery("""
                        SELECT * FROM history_integrity_check WHERE state = 'RUNNING' AND heartbeat_at > now() - make_interval(secs => $1)
                        ORDER BY requested_at DESC LIMIT 1""")
                .execute(Tuple.of((double) staleAfterSeconds))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(checkRow(rows.iterator().next())));
    }

    private static CheckRow checkRow(Row row) {
        return new CheckRow(row.getUUID("id"), row.getUUID("requested_by"), row.getOffsetDateTime("requested_at"),
                row.getOffsetDateTime("heartbeat_at"), row.getOffsetDateTime("finished_at"), row.getString("state"), row.getString("phase"),
                row.getLong("head_sequence"), row.getBuffer("head_hash").getBytes(), row.getLong("entries_verified"), row.getInteger("checkpoints_total"),
                row.getInteger("checkpoints_verified"), row.getLong("rows_total"), row.getLong("rows_checked"), row.getBoolean("intact"),
                (JsonObject) row.getValue("broken_link"), (JsonArray) row.getValue("findings"), row.getInteger("findings_count"),
                row.getString("failure"));
    }

    private static StoredCheckpoint checkpoint(Row row) {
        return new StoredCheckpoint(row.getLong("sequence"), row.getBuffer("hash").getBytes(), row.getOffsetDateTime("signed_at"),
                row.getString("key_id"), row.getBuffer("signature").getBytes());
    }

    private static String recorded(String table) {
        if (!RECORDED_TABLES.contains(table)) {
            throw new IllegalArgumentException("The history records no table " + table);
        }
        return table;
    }
}
