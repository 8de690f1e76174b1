package cn.opencredit.gateway.record;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.subject.SubjectParts;

/** Reads of a subject's credit records as an audience sees them, on the reactive PostgreSQL client (the hot read path). */
@ApplicationScoped
class RecordRepository {

    private static final String COLUMNS = """
            id, category, title, decision_number, decision_date, reported_on, source_department, source_department_uscc,
            content, legal_basis, severity, amount, currency, published_from, published_until, status""";

    /** {@link RecordVisibility#visible} as SQL: $2 = listed statuses, $3 = today, $4 = the audience's disclosure levels. */
    private static final String VISIBLE = RecordVisibility.visibleSql("", "$4", "$2", "$3");

    /** {@link #COLUMNS} for a row sent as JSON: the amount as text, which keeps its scale (JsonRow). */
    private static final String JSON_COLUMNS = COLUMNS.replace("amount,", "amount::text AS amount,");

    /** The order of {@link #summarySql}'s rows by their columns: newest first. */
    private static final String SUMMARY_ORDER = "recency";

    /** The order of {@link #detailedPart}'s rows by their columns: by category, then newest first within it. */
    private static final String DETAILED_ORDER = "category, n";

    private final Pool pool;

    RecordRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Counts per category and the newest records of one subject the audience may see, unordered
     * ({@link #SUMMARY_ORDER}), selecting {@code columns} of each record: every visible record is
     * counted, but only the newest ones, and one per category to carry its count, come back. The
     * other arguments are SQL expressions for the subject's id, the listed statuses, today, the
     * audience's disclosure levels and how many newest records.
     */
    static String summarySql(String columns, String subjectId, String statuses, String today, String levels, String latest) {
        return "SELECT " + columns + """
                , n, recency FROM (
                    SELECT %s, count(*) OVER (PARTITION BY category) AS n,
                           row_number() OVER (ORDER BY decision_date DESC, id DESC) AS recency,
                           row_number() OVER (PARTITION BY category ORDER BY decision_date DESC, id DESC) AS in_category
                    FROM credit_record WHERE subject_id = %s AND %s) visible
                WHERE recency <= %s OR in_category = 1""".formatted(COLUMNS, subjectId,
                RecordVisibility.visibleSql("", levels, statuses, today), latest);
    }

    /** {@link #summarySql} as a part of a read of the subject in one statement. */
    static SubjectParts.Part<RecordSummary> summaryPart(SubjectParts read, RecordAudience audience, LocalDate today, int latest) {
        return read.add(summarySql(JSON_COLUMNS, read.subjectId(), read.bind(visibleStatuses()), read.bind(today), read.bind(levels(audience)),
                read.bind(latest)), SUMMARY_ORDER, rows -> toSummary(rows, latest));
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

    /** Rows of {@link #summarySql} in its order, as counts per category and the {@code latest} newest records. */
    private static RecordSummary toSummary(Iterable<Row> rows, int latest) {
        Map<RecordCategory, Long> counts = new EnumMap<>(RecordCategory.class);
        List<RecordView> newest = new ArrayList<>(latest);
        rows.forEach(row -> {
            counts.put(RecordCategory.valueOf(row.getString("category")), row.getLong("n"));
            if (row.getLong("recency") <= latest) {
                newest.add(RecordView.fromRow(row, "id", "status"));
            }
        });
        return new RecordSummary(counts, newest);
    }

    /**
     * The records of these categories the audience may see, at most {@code perCategory} of each:
     * monthly payments newest month first, the others newest decision first; as a part of a read of
     * the subject in one statement, in the order of category, then that order.
     */
    static SubjectParts.Part<List<DetailedRecord>> detailedPart(SubjectParts read, RecordAudience audience, Set<RecordCategory> categories,
            int perCategory, LocalDate today) {
        String sql = "SELECT * FROM (SELECT " + JSON_COLUMNS + """
                , details->>'period' AS period, details->>'paymentStatus' AS payment_status, details->>'rating' AS rating,
                       row_number() OVER (PARTITION BY category ORDER BY details->>'period' DESC NULLS LAST, decision_date DESC, id DESC) AS n
                FROM credit_record WHERE subject_id = %s AND category = ANY (%s) AND %s) AS r
                WHERE n <= %s""".formatted(read.subjectId(), read.bind(categories.stream().map(Enum::name).toArray(String[]::new)),
                RecordVisibility.visibleSql("", read.bind(levels(audience)), read.bind(visibleStatuses()), read.bind(today)),
                read.bind(perCategory));
        return read.add(sql, DETAILED_ORDER, RecordRepository::toDetailed);
    }

    private static List<DetailedRecord> toDetailed(List<Row> rows) {
        List<DetailedRecord> records = new ArrayList<>(rows.size());
        rows.forEach(row -> {
            String period = row.getString("period");
            String status = row.getString("payment_status");
            records.add(new DetailedRecord(RecordView.fromRow(row, "id", "status"), period == null ? null : YearMonth.parse(period),
                    status == null ? null : PaymentStatus.valueOf(status.toUpperCase(Locale.ROOT)), row.getString("rating")));
        });
        return records;
    }

    private static String[] levels(RecordAudience audience) {
        return audience.levels().stream().map(Enum::name).toArray(String[]::new);
    }

    private static String[] visibleStatuses() {
        return RecordVisibility.listedStatuses();
    }

}
