package cn.opencredit.gateway.creditcheck;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.creditcheck.CreditCheckView.ListBasis;
import cn.opencredit.gateway.creditcheck.CreditCheckView.RecordBasis;
import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordVisibility;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * The catalogue, checks, receipts, feedback and counts (this capability's tables), and the one bulk
 * read a check of up to 1 000 subjects needs from the subjects', evaluations', list entries' and
 * records' tables: three statements whatever the batch size, where the other capabilities' services
 * read one subject at a time. The visibility and list-membership rules are theirs
 * ({@link RecordVisibility}; current = not removed, included, not expired).
 */
@Singleton
class CreditCheckRepository {

    private static final String MEASURE_COLUMNS = """
            code, name, kind, basis_document, basis_clause, trigger_list_types, trigger_grades, trigger_record_categories,
            trigger_min_severity, scenarios, departments, valid_from, valid_until, version""";

    private final Pool pool;

    CreditCheckRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<List<Measure>> measures() {
        return pool.query("SELECT " + MEASURE_COLUMNS + " FROM creditcheck_measure ORDER BY code").execute()
                .map(rows -> { List<Measure> all = new ArrayList<>(); rows.forEach(row -> all.add(measure(row))); return all; });
    }

    Uni<Optional<Measure>> measure(String code) {
        return pool.preparedQuery("SELECT " + MEASURE_COLUMNS + " FROM creditcheck_measure WHERE code = $1").execute(Tuple.of(code))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(measure(rows.iterator().next())));
    }

    /** Creates the measure (version 0) or replaces it if {@code measure.version()} is the stored one; empty when stale. */
    Uni<Optional<Measure>> store(Measure m, UUID operator, boolean create) {
        String sql = create ? """
                INSERT INTO creditcheck_measure (code, name, kind, basis_document, basis_clause, trigger_list_types, trigger_grades,
                    trigger_record_categories, trigger_min_severity, scenarios, departments, valid_from, valid_until, updated_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $15)
                ON CONFLICT (code) DO NOTHING RETURNING\s""" + MEASURE_COLUMNS : """
                UPDATE creditcheck_measure SET name = $2, kind = $3, basis_document = $4, basis_clause = $5, trigger_list_types = $6,
                    trigger_grades = $7, trigger_record_categories = $8, trigger_min_severity = $9, scenarios = $10, departments = $11,
                    valid_from = $12, valid_until = $13, updated_by = $15, updated_at = now(), version = version + 1
                WHERE code = $1 AND version = $14 RETURNING\s""" + MEASURE_COLUMNS;
        Tuple args = Tuple.tuple(List.of(m.code(), m.name(), m.kind().name(), m.document(), m.clause(), names(m.listTypes()), names(m.grades()),
                names(m.recordCategories()))).addString(m.minSeverity() == null ? null : m.minSeverity().name())
                .addArrayOfString(names(m.scenarios())).addArrayOfString(m.departments().toArray(String[]::new))
                .addLocalDate(m.validFrom()).addLocalDate(m.validUntil()).addInteger(m.version()).addUUID(operator);
        return pool.preparedQuery(sql).execute(args).map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(measure(rows.iterator().next())));
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static Measure measure(Row row) {
        String severity = row.getString("trigger_min_severity");
        return new Measure(row.getString("code"), row.getString("name"), MeasureKind.valueOf(row.getString("kind")), row.getString("basis_document"),
                row.getString("basis_clause"), enums(ListType.class, row.getArrayOfStrings("trigger_list_types")),
                enums(Grade.class, row.getArrayOfStrings("trigger_grades")), enums(RecordCategory.class, row.getArrayOfStrings("trigger_record_categories")),
                severity == null ? null : Severity.valueOf(severity), enums(CheckScenario.class, row.getArrayOfStrings("scenarios")),
                List.of(row.getArrayOfStrings("departments")), row.getLocalDate("valid_from"), row.getLocalDate("valid_until"), row.getInteger("version"));
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String[] names) {
        java.util.EnumSet<E> set = java.util.EnumSet.noneOf(type);
        Arrays.stream(names).forEach(name -> set.add(Enum.valueOf(type, name)));
        return set;
    }

    /** The facts of the registered subjects among {@code usccs}, by USCC; unknown ones are absent. */
    Uni<Map<String, SubjectFacts>> facts(List<String> usccs, Set<RecordCategory> categories, LocalDate today, OffsetDateTime now) {
        String[] codes = usccs.toArray(String[]::new);
        return pool.withConnection(connection -> connection.preparedQuery("""
                        SELECT s.uscc, s.name, e.grade FROM subject s LEFT JOIN evaluation e ON e.subject_id = s.id
                        WHERE s.uscc = ANY($1)""").execute(Tuple.of(codes))
                .chain(subjects -> connection.preparedQuery("""
                                SELECT s.uscc, l.id, l.list_type, l.authority, l.included_at, l.expires_at, l.reason
                                FROM list_entry l JOIN subject s ON s.id = l.subject_id
                                WHERE s.uscc = ANY($1) AND l.removed_at IS NULL AND l.included_at <= $2 AND (l.expires_at IS NULL OR l.expires_at > $2)
                                ORDER BY l.included_at DESC, l.id DESC""").execute(Tuple.of(codes, now))
                        .chain(entries -> connection.preparedQuery("""
                                        SELECT s.uscc, r.id, r.category, r.title, r.decision_number, r.decision_date, r.severity, r.source_department,
                                               r.published_until
                                        FROM credit_record r JOIN subject s ON s.id = r.subject_id
                                        WHERE s.uscc = ANY($1) AND r.severity IS NOT NULL AND r.category = ANY($2) AND r.status = ANY($3) AND\s"""
                                        + RecordVisibility.inWindowSql("r.", "$4") + " ORDER BY r.decision_date DESC, r.id DESC")
                                .execute(Tuple.of(codes, categories.stream().map(Enum::name).toArray(String[]::new),
                                        RecordVisibility.LISTED_STATUSES.stream().map(Enum::name).toArray(String[]::new), today))
                                .map(records -> {
                                    Map<String, List<ListBasis>> entriesBy = new HashMap<>();
                                    entries.forEach(row -> entriesBy.computeIfAbsent(row.getString("uscc"), k -> new ArrayList<>()).add(new ListBasis(
                                            row.getLong("id").toString(), ListType.valueOf(row.getString("list_type")), row.getString("authority"),
                                            ChinaTime.inChina(row.getOffsetDateTime("included_at")), china(row.getOffsetDateTime("expires_at")),
                                            row.getString("reason"))));
                                    Map<String, List<RecordBasis>> recordsBy = new HashMap<>();
                                    records.forEach(row -> recordsBy.computeIfAbsent(row.getString("uscc"), k -> new ArrayList<>()).add(new RecordBasis(
                                            row.getLong("id").toString(), RecordCategory.valueOf(row.getString("category")), row.getString("title"),
                                            row.getString("decision_number"), row.getLocalDate("decision_date"), Severity.valueOf(row.getString("severity")),
                                            row.getString("source_department"), row.getLocalDate("published_until"))));
                                    Map<String, SubjectFacts> facts = new HashMap<>();
                                    subjects.forEach(row -> {
                                        String uscc = row.getString("uscc");
                                        String grade = row.getString("grade");
                                        facts.put(uscc, new SubjectFacts(uscc, row.getString("name"), grade == null ? null : Grade.valueOf(grade),
                                                entriesBy.getOrDefault(uscc, List.of()), recordsBy.getOrDefault(uscc, List.of())));
                                    });
                                    return facts;
                                }))));
    }

    private static OffsetDateTime china(OffsetDateTime at) {
        return at == null ? null : ChinaTime.inChina(at);
    }

    /** A check row being written: its id is known before its answer, which names the id in each receipt. */
    record NewCheck(UUID consumerId, String consumerName, String departmentUscc, CheckScenario scenario, String caseReference, String purpose,
            OffsetDateTime checkedAt) {
    }

    /** The answer of a check whose id is known, with its receipts (receipt, subject, measure codes comma-separated) and counts. */
    record Answer(String json, int total, int withMeasures, int measures, List<String> receipts, List<String> subjects, List<String> measureCodes) {
    }

    /** Stores the check in one transaction: the row (for its id), then the answer built with that id, and the receipts. */
    Uni<Long> store(NewCheck check, java.util.function.LongFunction<Answer> answerFor) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO creditcheck_check (consumer_id, consumer_name, department_uscc, scenario, case_reference, purpose, checked_at,
                                                       subjects_total, subjects_with_measures, measures_triggered, answer)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, 0, '{}') RETURNING id""")
                .execute(Tuple.tuple(List.of(check.consumerId(), check.consumerName())).addString(check.departmentUscc())
                        .addString(check.scenario().name()).addString(check.caseReference()).addString(check.purpose())
                        .addOffsetDateTime(check.checkedAt()))
                .map(rows -> rows.iterator().next().getLong("id"))
                .call(id -> {
                    Answer answer = answerFor.apply(id);
                    return tx.preparedQuery("""
                                    UPDATE creditcheck_check SET subjects_total = $2, subjects_with_measures = $3, measures_triggered = $4,
                                                                 answer = $5::text::jsonb
                                    WHERE id = $1""").execute(Tuple.of(id, answer.total(), answer.withMeasures(), answer.measures(), answer.json()))
                            .chain(() -> tx.preparedQuery("""
                                    INSERT INTO creditcheck_receipt (receipt_id, check_id, subject_uscc, measure_codes)
                                    SELECT r, $1, s, CASE WHEN m = '' THEN '{}'::text[] ELSE string_to_array(m, ',') END
                                    FROM unnest($2::text[], $3::text[], $4::text[]) AS x(r, s, m)""")
                                    .execute(Tuple.of(id, answer.receipts().toArray(String[]::new), answer.subjects().toArray(String[]::new),
                                            answer.measureCodes().toArray(String[]::new))));
                }));
    }

    /** A stored check: who made it (for the reader rule) and its answer as JSON. */
    record StoredCheck(long id, UUID consumerId, String departmentUscc, String answer) {
    }

    Uni<Optional<StoredCheck>> check(long id) {
        return pool.preparedQuery("SELECT id, consumer_id, department_uscc, answer::text AS answer FROM creditcheck_check WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()).map(row -> new StoredCheck(row.getLong("id"),
                        row.getUUID("consumer_id"), row.getString("department_uscc"), row.getString("answer"))));
    }

    /** The check's receipts: the subject and the measures that applied, by receipt id. */
    record Receipt(String subjectUscc, Set<String> measures) {
    }

    Uni<Map<String, Receipt>> receipts(long checkId) {
        return pool.preparedQuery("SELECT receipt_id, subject_uscc, measure_codes FROM creditcheck_receipt WHERE check_id = $1").execute(Tuple.of(checkId))
                .map(rows -> {
                    Map<String, Receipt> receipts = new LinkedHashMap<>();
                    rows.forEach(row -> receipts.put(row.getString("receipt_id"), new Receipt(row.getString("subject_uscc"),
                            Set.of(row.getArrayOfStrings("measure_codes")))));
                    return receipts;
                });
    }

    /** Stores the items in one statement; an item reported before (receipt, measure, case) is answered as it was stored. */
    Uni<List<FeedbackView.Applied>> feedback(long checkId, List<FeedbackRequest.Item> items, Map<String, Receipt> receipts, UUID reporter,
            OffsetDateTime at) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO creditcheck_feedback (check_id, receipt_id, measure_code, case_reference, applied_on, result, reported_at, reported_by)
                        SELECT $1, r, m, c, a, t, $7, $8 FROM unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::text[]) AS x(r, m, c, a, t)
                        ON CONFLICT (receipt_id, measure_code, case_reference) DO NOTHING""")
                .execute(Tuple.tuple(List.of(checkId, items.stream().map(FeedbackRequest.Item::receiptId).toArray(String[]::new),
                        items.stream().map(FeedbackRequest.Item::measureCode).toArray(String[]::new),
                        items.stream().map(i -> i.caseReference().strip()).toArray(String[]::new),
                        items.stream().map(FeedbackRequest.Item::appliedOn).toArray(LocalDate[]::new),
                        items.stream().map(i -> i.result().strip()).toArray(String[]::new), at, reporter)))
                .chain(() -> tx.preparedQuery("""
                        SELECT id, receipt_id, measure_code, case_reference, applied_on, result, reported_at FROM creditcheck_feedback
                        WHERE check_id = $1 ORDER BY id""").execute(Tuple.of(checkId)))
                .map(rows -> {
                    List<FeedbackView.Applied> applied = new ArrayList<>();
                    rows.forEach(row -> applied.add(new FeedbackView.Applied(row.getLong("id").toString(), row.getString("receipt_id"),
                            receipts.get(row.getString("receipt_id")).subjectUscc(), row.getString("measure_code"), row.getString("case_reference"),
                            row.getLocalDate("applied_on"), row.getString("result"), ChinaTime.inChina(row.getOffsetDateTime("reported_at")))));
                    return applied;
                }));
    }

    Uni<ApprovalCountView> approvals(String department, CheckScenario scenario, YearMonth month, int approvals, UUID reporter, OffsetDateTime at) {
        return pool.preparedQuery("""
                        INSERT INTO creditcheck_approval_count (department_uscc, scenario, month, approvals, reported_at, reported_by)
                        VALUES ($1, $2, $3, $4, $5, $6)
                        ON CONFLICT (department_uscc, scenario, month) DO UPDATE SET approvals = EXCLUDED.approvals,
                            reported_at = EXCLUDED.reported_at, reported_by = EXCLUDED.reported_by
                        RETURNING reported_at""")
                .execute(Tuple.tuple(List.of(department, scenario.name(), month.atDay(1), approvals, at, reporter)))
                .map(rows -> new ApprovalCountView(department, scenario, month.toString(), approvals,
                        ChinaTime.inChina(rows.iterator().next().getOffsetDateTime("reported_at"))));
    }

    /**
     * Per department, scenario and month (China time) from {@code from} to {@code to}: the checks
     * and what they found, the measures reported as applied, and the reported approvals.
     */
    Uni<List<CreditCheckStatsView.Row>> statistics(Optional<String> department, YearMonth from, YearMonth to) {
        return pool.preparedQuery("""
                WITH checks AS (
                    SELECT c.department_uscc, c.scenario, date_trunc('month', c.checked_at AT TIME ZONE 'Asia/Shanghai')::date AS month,
                           count(*) AS checks, count(DISTINCT c.case_reference) AS cases, sum(c.subjects_total) AS subjects,
                           sum(c.subjects_with_measures) AS with_measures, sum(c.measures_triggered) AS measures,
                           sum((SELECT count(*) FROM creditcheck_feedback f WHERE f.check_id = c.id)) AS applied
                    FROM creditcheck_check c
                    WHERE c.checked_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')
                      AND c.checked_at < ($3::date::timestamp AT TIME ZONE 'Asia/Shanghai')
                      AND ($1::text IS NULL OR c.department_uscc = $1)
                    GROUP BY 1, 2, 3),
                counts AS (
                    SELECT department_uscc, scenario, month, approvals FROM creditcheck_approval_count
                    WHERE month >= $2 AND month < $3 AND ($1::text IS NULL OR department_uscc = $1))
                SELECT coalesce(k.department_uscc, a.department_uscc) AS department_uscc, coalesce(k.scenario, a.scenario) AS scenario,
                       coalesce(k.month, a.month) AS month, coalesce(k.checks, 0) AS checks, coalesce(k.cases, 0) AS cases,
                       coalesce(k.subjects, 0) AS subjects, coalesce(k.with_measures, 0) AS with_measures, coalesce(k.measures, 0) AS measures,
                       coalesce(k.applied, 0) AS applied, a.approvals
                FROM checks k FULL JOIN counts a ON a.department_uscc = k.department_uscc AND a.scenario = k.scenario AND a.month = k.month
                ORDER BY 3, 1 NULLS FIRST, 2""")
                .execute(Tuple.of(department.orElse(null), from.atDay(1), to.plusMonths(1).atDay(1)))
                .map(rows -> {
                    List<CreditCheckStatsView.Row> result = new ArrayList<>();
                    rows.forEach(row -> {
                        Integer approvals = row.getInteger("approvals");
                        long cases = row.getLong("cases");
                        result.add(new CreditCheckStatsView.Row(row.getString("department_uscc"), CheckScenario.valueOf(row.getString("scenario")),
                                YearMonth.from(row.getLocalDate("month")).toString(), row.getLong("checks"), cases, row.getLong("subjects"),
                                row.getLong("with_measures"), row.getLong("measures"), row.getLong("applied"),
                                approvals == null ? null : approvals.longValue(), CreditCheckPolicies.rate(cases, approvals)));
                    });
                    return result;
                });
    }

}
