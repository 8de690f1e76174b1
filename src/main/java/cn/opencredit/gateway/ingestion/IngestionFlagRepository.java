package cn.opencredit.gateway.ingestion;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Operators' reads and resolutions of 重错码 flags. */
@ApplicationScoped
class IngestionFlagRepository {

    private static final String COLUMNS = """
            id, kind, batch_id, row_number, source_department_uscc, source_record_id, record_id, subject_uscc, reported_name,
            registered_name, other_usccs, created_at, resolved_at, resolution_note""";

    private final Pool pool;

    IngestionFlagRepository(Pool pool) {
        this.pool = pool;
    }

    /** Newest first, after the flag with id {@code beforeId}. */
    Uni<List<IngestionFlagView>> find(Optional<IngestionFlagKind> kind, Optional<Boolean> resolved, Optional<Long> beforeId, int fetchSize) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM ingestion_flag WHERE true");
        kind.ifPresent(k -> {
            args.add(k.name());
            sql.append(" AND kind = $").append(args.size());
        });
        resolved.ifPresent(r -> sql.append(r ? " AND resolved_at IS NOT NULL" : " AND resolved_at IS NULL"));
        beforeId.ifPresent(id -> {
            args.add(id);
            sql.append(" AND id < $").append(args.size());
        });
        args.add(fetchSize);
        sql.append(" ORDER BY id DESC LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<IngestionFlagView> flags = new ArrayList<>(rows.size());
            rows.forEach(row -> flags.add(toView(row)));
            return flags;
        });
    }

    /** Marks an open flag resolved; null when there is no open flag with this id. */
    Uni<IngestionFlagView> resolve(long id, UUID operator, String note, OffsetDateTime now) {
        return pool.preparedQuery("UPDATE ingestion_flag SET resolved_at = $2, resolved_by = $3, resolution_note = $4 "
                        + "WHERE id = $1 AND resolved_at IS NULL RETURNING " + COLUMNS)
                .execute(Tuple.of(id, now, operator, note))
                .map(rows -> rows.size() == 0 ? null : toView(rows.iterator().next()));
    }

    Uni<IngestionFlagView> findById(long id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM ingestion_flag WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : toView(rows.iterator().next()));
    }

    private static IngestionFlagView toView(Row row) {
        Long recordId = row.getLong("record_id");
        String[] others = row.getArrayOfStrings("other_usccs");
        return new IngestionFlagView(
                row.getLong("id").toString(),
                IngestionFlagKind.valueOf(row.getString("kind")),
                row.getUUID("batch_id").toString(),
                row.getInteger("row_number"),
                row.getString("source_department_uscc"),
                row.getString("source_record_id"),
                recordId == null ? null : recordId.toString(),
                row.getString("subject_uscc"),
                row.getString("reported_name"),
                row.getString("registered_name"),
                others == null ? null : Arrays.asList(others),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("resolved_at"),
                row.getString("resolution_note"));
    }
}
