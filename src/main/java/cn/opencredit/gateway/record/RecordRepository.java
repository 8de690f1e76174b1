package cn.opencredit.gateway.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;


/** Reads of a subject's credit records as an audience sees them, on the reactive PostgreSQL client (the hot read path). */
@ApplicationScoped
class RecordRepository {

    private static final String COLUMNS = """
            id, category, title, decision_number, decision_date, reported_on, source_department, source_department_uscc,
            content, legal_basis, severity, amount, currency, published_from, published_until, status""";

    /** RecordPolicies.visible as SQL: $2 = visible statuses, $3 = today, $4 = the audience's disclosure levels. */
    private static final String VISIBLE = """
            disclosure_level = ANY($4) AND status = ANY($2) AND published_from <= $3
            AND (published_until IS NULL OR published_until >= $3)""";

    private final Pool pool;

    RecordRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<List<RecordView>> findVisible(long subjectId, RecordAudience audience, Optional<RecordCategory> category,
            Optional<List<String>> after, int fetchSize, LocalDate today) {
        List<Object> args = new ArrayList<>(List.of(subjectId, visibleStatuses(), today, levels(audience)));
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM credit_record WHERE subject_id = $1 AND ")
                .append(VISIBLE);
        category.ifPresent(c -> {
            args.add(c.name());
            sql.append(" AND category = $").append(args.size());
        });
        after.ifPresent(key -> {
            args.add(LocalDate.parse(key.get(0)));
            args.add(Long.parseLong(key.get(1)));
            sql.append(" AND (decision_date, id) < ($").append(args.size() - 1).append(", $").append(args.size()).append(')');
        });
        args.add(fetchSize);
        sql.append(" ORDER BY decision_date DESC, id DESC LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args))
                .map(rows -> {
                    List<RecordView> records = new ArrayList<>(rows.size());
                    rows.forEach(row -> records.add(RecordView.fromRow(row, "id", "status")));
                    return records;
                });
    }

    Uni<Map<RecordCategory, Long>> countVisibleByCategory(long subjectId, RecordAudience audience, LocalDate today) {
        return pool.preparedQuery("SELECT category, count(*) AS n FROM credit_record WHERE subject_id = $1 AND " + VISIBLE
                        + " GROUP BY category")
                .execute(Tuple.of(subjectId, visibleStatuses(), today, levels(audience)))
                .map(rows -> {
                    Map<RecordCategory, Long> counts = new EnumMap<>(RecordCategory.class);
                    rows.forEach(row -> counts.put(RecordCategory.valueOf(row.getString("category")), row.getLong("n")));
                    return counts;
                });
    }

    private static String[] levels(RecordAudience audience) {
        return audience.levels().stream().map(Enum::name).toArray(String[]::new);
    }

    private static String[] visibleStatuses() {
        return RecordPolicies.PUBLICLY_LISTED_STATUSES.stream().map(Enum::name).toArray(String[]::new);
    }

}
