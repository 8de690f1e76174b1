package cn.opencredit.gateway.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.shared.sql.RegionPrefix;
import cn.opencredit.gateway.shared.sql.SqlArgs;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.subject.SubjectType;

/** The API's reads of evaluations, models and jobs, on the reactive pool. */
@ApplicationScoped
class EvaluationRepository {

    private final Pool pool;

    EvaluationRepository(Pool pool) {
        this.pool = pool;
    }

    /** A subject's current evaluation as stored; {@code evaluated} false when the subject has none yet. */
    record StoredEvaluation(long subjectId, String uscc, String name, boolean evaluated, String modelVersion, LocalDate asOf, Integer score,
            String grade, String supervisionClass, String notEvaluated, JsonArray contributions, LocalDate validUntil,
            OffsetDateTime evaluatedAt) {
    }

    /** The subject with this USCC and its evaluation, or empty when no subject has it. */
    Uni<Optional<StoredEvaluation>> find(String uscc) {
        return pool.preparedQuery("SELECT s.id, s.uscc, s.name, " + STORED_COLUMNS
                        + " FROM subject s LEFT JOIN evaluation e ON e.subject_id = s.id WHERE s.uscc = $1")
                .execute(Tuple.of(uscc))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
    }

    /**
     * The columns of {@link StoredEvaluation} after the subject's id, USCC and name, from the
     * evaluation {@code e} left-joined to its subject (all null while it has none). Named, because a
     * row sent as JSON keys its values by name.
     */
    private static final String STORED_COLUMNS = """
            e.subject_id IS NOT NULL AS evaluated, e.model_version, e.as_of, e.score, e.grade, e.supervision_class, e.not_evaluated,
            e.contributions, e.valid_until, e.evaluated_at""";

    /**
     * {@link #find} about a subject already read: its id, USCC and name as SQL expressions; always one
     * row, read by {@link #toStored}. {@link #STORED_ORDER} orders it.
     */
    static String storedSql(String subjectId, String uscc, String name) {
        return "SELECT " + subjectId + " AS subject_id, " + uscc + " AS uscc, " + name + " AS name, " + STORED_COLUMNS
                + " FROM (VALUES (0)) AS subject_row LEFT JOIN evaluation e ON e.subject_id = " + subjectId;
    }

    static final String STORED_ORDER = "subject_id";

    /** The one row of {@link #storedSql}. */
    static StoredEvaluation toStored(List<Row> rows) {
        return stored(rows.getFirst());
    }

    /** A subject's current grade, as the profile shows it. */
    record StoredGrade(String grade, String supervisionClass, LocalDate asOf, String modelVersion) {
    }

    /**
     * The grade of the subject whose id is the SQL {@code subjectId}: one row, or none while it has no
     * grade; only the columns the profile shows (not the contributions, a JSON array the profile does
     * not need to read or parse).
     */
    static String gradeSql(String subjectId) {
        return "SELECT grade, supervision_class, as_of, model_version FROM evaluation WHERE subject_id = " + subjectId + " AND grade IS NOT NULL";
    }

    /** The order of {@link #gradeSql}'s rows by their columns (one row at most). */
    static final String GRADE_ORDER = "as_of";

    static Optional<StoredGrade> toGrade(Iterable<Row> rows) {
        var found = rows.iterator();
        if (!found.hasNext()) {
            return Optional.empty();
        }
        Row row = found.next();
        return Optional.of(new StoredGrade(row.getString(0), row.getString(1), row.getLocalDate(2), row.getString(3)));
    }

    private static StoredEvaluation stored(Row row) {
        Object contributions = row.getValue(10);
        return new StoredEvaluation(row.getLong(0), row.getString(1), row.getString(2), row.getBoolean(3), row.getString(4),
                row.getLocalDate(5), row.getInteger(6), row.getString(7), row.getString(8), row.getString(9),
                contributions instanceof JsonArray array ? array : new JsonArray(), row.getLocalDate(11),
                ChinaTime.inChina(row.getOffsetDateTime(12)));
    }

    record HistoryRow(long id, String modelVersion, LocalDate asOf, Integer score, String grade, String supervisionClass,
            String notEvaluated, OffsetDateTime evaluatedAt) {
    }

    /** A subject's past results, newest first, before the entry {@code before}. */
    Uni<List<HistoryRow>> history(long subjectId, Optional<Long> before, int fetchSize) {
        List<Object> args = new ArrayList<>(List.of(subjectId));
        String sql = "SELECT id, model_version, as_of, score, grade, supervision_class, not_evaluated, evaluated_at FROM evaluation_history"
                + " WHERE subject_id = $1" + before.map(id -> " AND id < " + SqlArgs.bind(args, id)).orElse("")
                + " ORDER BY id DESC LIMIT " + SqlArgs.bind(args, fetchSize);
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<HistoryRow> history = new ArrayList<>();
            rows.forEach(row -> history.add(new HistoryRow(row.getLong(0), row.getString(1), row.getLocalDate(2), row.getInteger(3),
                    row.getString(4), row.getString(5), row.getString(6), ChinaTime.inChina(row.getOffsetDateTime(7)))));
            return history;
        });
    }

    record ListedRow(String uscc, String name, String grade, String supervisionClass, String regionCode, String industrySection,
            SubjectType subjectType, LocalDate asOf, String modelVersion) {
    }

    /**
     * Subjects of one grade in USCC order after {@code after}: the walk follows evaluation_grade_uscc
     * (or evaluation_grade_region_uscc for a region), the other filters only thin it out.
     */
    Uni<List<ListedRow>> byGrade(EvaluationQuery query, Optional<String> after, int fetchSize) {
        List<Object> args = new ArrayList<>(List.of(query.grade().name()));
        StringBuilder sql = new StringBuilder("""
                SELECT e.uscc, s.name, e.grade, e.supervision_class, e.region_code, e.industry_section, e.subject_type, e.as_of, e.model_version
                FROM evaluation e JOIN subject s ON s.id = e.subject_id WHERE e.grade = $1""");
        query.region().ifPresent(region -> sql.append(" AND ").append(region.condition("e.region_code", args)));
        query.industry().ifPresent(section -> sql.append(" AND e.industry_section = ").append(SqlArgs.bind(args, section)));
        query.type().ifPresent(type -> sql.append(" AND e.subject_type = ").append(SqlArgs.bind(args, type.name())));
        after.ifPresent(uscc -> sql.append(" AND e.uscc > ").append(SqlArgs.bind(args, uscc)));
        sql.append(" ORDER BY e.uscc LIMIT ").append(SqlArgs.bind(args, fetchSize));
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<ListedRow> listed = new ArrayList<>();
            rows.forEach(row -> listed.add(new ListedRow(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4), row.getString(5), SubjectType.valueOf(row.getString(6)), row.getLocalDate(7), row.getString(8))));
            return listed;
        });
    }

    /** See {@link EvaluationService#gradedAmong}: the walk is over the given subjects' rows, by primary key, then sorted. */
    Uni<List<GradedSubject>> gradedAmong(Collection<Long> subjectIds, Set<Grade> grades, Optional<RegionPrefix> region,
            Optional<String> industrySection, Optional<String> afterUscc, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT e.subject_id, e.uscc, s.name, e.grade, e.score, e.region_code, e.industry_section ")
                .append("FROM evaluation e JOIN subject s ON s.id = e.subject_id WHERE e.subject_id = ANY(")
                .append(SqlArgs.bind(args, subjectIds.toArray(Long[]::new))).append(") AND e.grade = ANY(")
                .append(SqlArgs.bind(args, grades.stream().map(Enum::name).toArray(String[]::new))).append(") AND s.status = 'ACTIVE'");
        region.ifPresent(r -> sql.append(" AND ").append(r.condition("e.region_code", args)));
        industrySection.ifPresent(section -> sql.append(" AND e.industry_section = ").append(SqlArgs.bind(args, section)));
        afterUscc.ifPresent(uscc -> sql.append(" AND e.uscc > ").append(SqlArgs.bind(args, uscc)));
        sql.append(" ORDER BY e.uscc LIMIT ").append(SqlArgs.bind(args, limit));
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<GradedSubject> graded = new ArrayList<>();
            rows.forEach(row -> graded.add(new GradedSubject(row.getLong(0), row.getString(1), row.getString(2), Grade.valueOf(row.getString(3)),
                    row.getInteger(4), row.getString(5), row.getString(6))));
            return graded;
        });
    }

    record ModelRow(String version, String status, String document, byte[] sha256, OffsetDateTime createdAt, UUID createdBy,
            OffsetDateTime publishedAt, OffsetDateTime retiredAt) {
    }

    Uni<List<ModelRow>> models() {
        return pool.query("SELECT " + MODEL_COLUMNS + " FROM evaluation_model ORDER BY created_at DESC, version").execute()
                .map(EvaluationRepository::models);
    }

    Uni<Optional<ModelRow>> model(String version) {
        return pool.preparedQuery("SELECT " + MODEL_COLUMNS + " FROM evaluation_model WHERE version = $1").execute(Tuple.of(version))
                .map(rows -> models(rows).stream().findFirst());
    }

    Uni<Optional<ModelRow>> modelInForce() {
        return pool.query("SELECT " + MODEL_COLUMNS + " FROM evaluation_model WHERE status = 'PUBLISHED'").execute()
                .map(rows -> models(rows).stream().findFirst());
    }

    /** Stores a draft; false when the version exists already. */
    Uni<Boolean> insertDraft(String version, String document, byte[] sha256, UUID by) {
        return pool.preparedQuery("""
                INSERT INTO evaluation_model (version, status, document, document_sha256, created_by) VALUES ($1, 'DRAFT', $2, $3, $4)
                ON CONFLICT (version) DO NOTHING""")
                .execute(Tuple.of(version, document, io.vertx.core.buffer.Buffer.buffer(sha256), by))
                .map(result -> result.rowCount() == 1);
    }

    /**
     * Puts a draft in force and retires the model it replaces, in one transaction; false when the
     * version is no longer a draft (published by someone else meanwhile).
     */
    Uni<Boolean> publish(String version, UUID by) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                UPDATE evaluation_model SET status = 'RETIRED', retired_at = now() WHERE status = 'PUBLISHED'""").execute()
                .chain(() -> connection.preparedQuery("""
                        UPDATE evaluation_model SET status = 'PUBLISHED', published_at = now(), published_by = $2
                        WHERE version = $1 AND status = 'DRAFT'""").execute(Tuple.of(version, by)))
                .map(result -> result.rowCount() == 1)
                .call(published -> published ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new IllegalStateException("not a draft any more"))))
                .onFailure(IllegalStateException.class).recoverWithItem(false);
    }

    private static final String MODEL_COLUMNS = "version, status, document, document_sha256, created_at, created_by, published_at, retired_at";

    private static List<ModelRow> models(RowSet<Row> rows) {
        List<ModelRow> models = new ArrayList<>();
        rows.forEach(row -> models.add(new ModelRow(row.getString(0), row.getString(1), row.getString(2), row.getBuffer(3).getBytes(),
                ChinaTime.inChina(row.getOffsetDateTime(4)), row.getUUID(5), ChinaTime.inChina(row.getOffsetDateTime(6)),
                ChinaTime.inChina(row.getOffsetDateTime(7)))));
        return models;
    }

    record JobRow(UUID id, String kind, String modelVersion, String baselineVersion, String state, String reason, LocalDate asOf,
            long total, long done, OffsetDateTime requestedAt, OffsetDateTime startedAt, OffsetDateTime updatedAt,
            OffsetDateTime finishedAt, Object result, String failure) {
    }

    private static final String JOB_COLUMNS = "id, kind, model_version, baseline_version, state, reason, as_of, subjects_total, "
            + "subjects_done, requested_at, started_at, updated_at, finished_at, result, failure";

    Uni<Optional<JobRow>> job(UUID id) {
        return pool.preparedQuery("SELECT " + JOB_COLUMNS + " FROM evaluation_job WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> jobs(rows).stream().findFirst());
    }

    Uni<List<JobRow>> jobs(int limit) {
        return pool.preparedQuery("SELECT " + JOB_COLUMNS + " FROM evaluation_job ORDER BY requested_at DESC LIMIT $1")
                .execute(Tuple.of(limit)).map(EvaluationRepository::jobs);
    }

    /** Whether a backtest of {@code version} against {@code baseline} has finished. */
    Uni<Boolean> backtested(String version, String baseline) {
        return pool.preparedQuery("""
                SELECT EXISTS (SELECT 1 FROM evaluation_job WHERE kind = 'BACKTEST' AND state = 'FINISHED' AND model_version = $1
                               AND baseline_version IS NOT DISTINCT FROM $2)""")
                .execute(Tuple.of(version, baseline)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    private static List<JobRow> jobs(RowSet<Row> rows) {
        List<JobRow> jobs = new ArrayList<>();
        rows.forEach(row -> jobs.add(new JobRow(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getLocalDate(6), row.getLong(7), row.getLong(8), ChinaTime.inChina(row.getOffsetDateTime(9)),
                ChinaTime.inChina(row.getOffsetDateTime(10)), ChinaTime.inChina(row.getOffsetDateTime(11)),
                ChinaTime.inChina(row.getOffsetDateTime(12)), row.getValue(13), row.getString(14))));
        return jobs;
    }
}
