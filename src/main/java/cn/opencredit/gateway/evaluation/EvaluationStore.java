package cn.opencredit.gateway.evaluation;

import java.io.IOException;
import java.io.Writer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.subject.SubjectStatus;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * The evaluation's bulk work over JDBC, inside the caller's transaction: reading the inputs of many
 * subjects in three statements (subjects, records, list entries), and writing their results and
 * the history of what changed in one. The evaluation only reads the subject, record and list
 * tables; it writes its own.
 */
@ApplicationScoped
class EvaluationStore {

    /** The statuses that count, as SQL, from the one Java set that decides it. */
    private static final String COUNTED_STATUSES = Evaluator.COUNTED_STATUSES.stream().map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    private static final String SUBJECT_COLUMNS = "id, uscc, subject_type, status, registered_on, region_code, industry_section";
    private static final String RECORD_COLUMNS = "subject_id, id, category, severity, title, decision_number, decision_date, "
            + "published_until, status, details->>'rating'";
    private static final String ENTRY_COLUMNS = "subject_id, id, list_type, reason, (included_at AT TIME ZONE 'Asia/Shanghai')::date, "
            + "(expires_at AT TIME ZONE 'Asia/Shanghai')::date";

    private final ObjectMapper json;
    private final List<FactSource> factSources;

    EvaluationStore(ObjectMapper json, Instance<FactSource> factSources) {
        this.json = json;
        this.factSources = factSources.stream().toList();
    }

    /** Who is read: subjects with ids in [from, to), or the given ids. */
    sealed interface Selection permits Range, Ids {
    }

    record Range(long from, long to) implements Selection {
    }

    record Ids(List<Long> ids) implements Selection {
    }

    /** The inputs of the selected subjects that have a USCC, in id order. */
    List<EvaluationInputs> inputs(Connection connection, Selection selection) throws SQLException {
        Map<Long, EvaluationInputs.Subject> subjects = new LinkedHashMap<>();
        try (PreparedStatement statement = select(connection, "SELECT " + SUBJECT_COLUMNS + " FROM subject WHERE uscc IS NOT NULL AND ",
                "id", selection, " ORDER BY id")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    subjects.put(rows.getLong(1), new EvaluationInputs.Subject(rows.getLong(1), rows.getString(2),
                            SubjectType.valueOf(rows.getString(3)), SubjectStatus.valueOf(rows.getString(4)), localDate(rows, 5),
                            rows.getString(6), rows.getString(7)));
                }
            }
        }
        if (subjects.isEmpty()) {
            return List.of();
        }
        Map<Long, List<EvaluationInputs.RecordInput>> records = new HashMap<>();
        try (PreparedStatement statement = select(connection, "SELECT " + RECORD_COLUMNS + " FROM credit_record WHERE status IN "
                + COUNTED_STATUSES + " AND disclosure_level <> 'GOVERNMENT' AND ", "subject_id", selection, "")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String severity = rows.getString(4);
                    records.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(new EvaluationInputs.RecordInput(rows.getLong(2),
                            RecordCategory.valueOf(rows.getString(3)), severity == null ? null : Severity.valueOf(severity), rows.getString(5),
                            rows.getString(6), localDate(rows, 7), localDate(rows, 8), RecordStatus.valueOf(rows.getString(9)),
                            rows.getString(10)));
                }
            }
        }
        Map<Long, List<EvaluationInputs.ListInput>> entries = new HashMap<>();
        try (PreparedStatement statement = select(connection, "SELECT " + ENTRY_COLUMNS + " FROM list_entry WHERE removed_at IS NULL AND ",
                "subject_id", selection, "")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(new EvaluationInputs.ListInput(rows.getLong(2),
                            ListType.valueOf(rows.getString(3)), rows.getString(4), localDate(rows, 5), localDate(rows, 6)));
                }
            }
        }
        Map<Long, List<EvaluationInputs.FactInput>> facts = new HashMap<>();
        for (FactSource source : factSources) {
            source.facts(connection, subjects.keySet()).forEach((id, found) -> facts.computeIfAbsent(id, k -> new ArrayList<>()).addAll(found));
        }
        List<EvaluationInputs> inputs = new ArrayList<>(subjects.size());
        subjects.forEach((id, subject) -> inputs.add(new EvaluationInputs(subject, records.getOrDefault(id, List.of()),
                entries.getOrDefault(id, List.of()), facts.getOrDefault(id, List.of()))));
        return inputs;
    }

    /** What decides whether a subject's stored result still holds (see {@link EvaluationPolicies#storedResultHoldsPolicy}). */
    record StoredResult(String modelVersion, byte[] inputsSha256, LocalDate validUntil) {
    }

    /** The stored results of the selected subjects, by subject id; subjects without one are absent. */
    Map<Long, StoredResult> storedResults(Connection connection, Selection selection) throws SQLException {
        Map<Long, StoredResult> stored = new HashMap<>();
        try (PreparedStatement statement = select(connection, "SELECT subject_id, model_version, inputs_sha256, valid_until FROM evaluation WHERE ",
                "subject_id", selection, "")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getLong(1), new StoredResult(rows.getString(2), rows.getBytes(3), localDate(rows, 4)));
                }
            }
        }
        return stored;
    }

    /** A stored result that changed, and the subject it is about. */
    record Changed(long subjectId, String uscc) {
    }

    /**
     * The results' upsert and the history of what changed, in one statement. Every part of it sees
     * the table as it was before the statement, so {@code before} holds the stored results the new
     * ones replace. {@code before} is read by id and materialised, and {@code changed} is made from
     * what the upsert returns: PostgreSQL estimates ten rows for any {@code unnest}, and when
     * {@code before} joined the unnested rows instead it planned a nested loop that read them all
     * again for each of them (for 500 subjects 250 000 rows, with contributions that had spilled to a
     * temporary file: 1 036 of 1 263 ms of a batch; docs/benchmarks.md, tenth sitting).
     * {@code EvaluationStorePlanTests} pins it.
     */
    static final String STORE_RESULTS = """
            WITH before AS MATERIALIZED (
                SELECT subject_id, model_version, score, grade, supervision_class, not_evaluated
                FROM evaluation WHERE subject_id = ANY (?::bigint[])),
            stored AS (
                INSERT INTO evaluation (subject_id, uscc, region_code, industry_section, subject_type, model_version, as_of, score, grade,
                                        supervision_class, not_evaluated, contributions, inputs_sha256, valid_until, evaluated_at)
                SELECT subject_id, uscc, region_code, industry_section, subject_type, model_version, as_of, score, grade,
                       supervision_class, not_evaluated, contributions::jsonb, inputs_sha256, valid_until, ?
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::int[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::bytea[], ?::date[])
                    AS t (subject_id, uscc, region_code, industry_section, subject_type, model_version, as_of, score, grade,
                          supervision_class, not_evaluated, contributions, inputs_sha256, valid_until)
                ON CONFLICT (subject_id) DO UPDATE SET
                    uscc = EXCLUDED.uscc, region_code = EXCLUDED.region_code, industry_section = EXCLUDED.industry_section,
                    subject_type = EXCLUDED.subject_type, model_version = EXCLUDED.model_version, as_of = EXCLUDED.as_of,
                    score = EXCLUDED.score, grade = EXCLUDED.grade, supervision_class = EXCLUDED.supervision_class,
                    not_evaluated = EXCLUDED.not_evaluated, contributions = EXCLUDED.contributions,
                    inputs_sha256 = EXCLUDED.inputs_sha256, valid_until = EXCLUDED.valid_until, evaluated_at = EXCLUDED.evaluated_at
                WHERE evaluation.evaluated_at <= EXCLUDED.evaluated_at
                  -- Same inputs, same model, and time has not changed the result yet: nothing to write.
                  AND NOT (evaluation.inputs_sha256 = EXCLUDED.inputs_sha256 AND evaluation.model_version = EXCLUDED.model_version
                           AND (evaluation.valid_until IS NULL OR evaluation.valid_until > EXCLUDED.as_of))
                RETURNING subject_id, uscc, model_version, as_of, score, grade, supervision_class, not_evaluated, inputs_sha256, evaluated_at),
            changed AS (
                SELECT s.* FROM stored s LEFT JOIN before b USING (subject_id)
                WHERE b.subject_id IS NULL OR b.model_version <> s.model_version OR b.score IS DISTINCT FROM s.score
                   OR b.grade IS DISTINCT FROM s.grade OR b.supervision_class IS DISTINCT FROM s.supervision_class
                   OR b.not_evaluated IS DISTINCT FROM s.not_evaluated),
            history AS (
                INSERT INTO evaluation_history (subject_id, model_version, as_of, score, grade, supervision_class, not_evaluated,
                                                inputs_sha256, evaluated_at)
                SELECT subject_id, model_version, as_of, score, grade, supervision_class, not_evaluated, inputs_sha256, evaluated_at
                FROM changed)
            SELECT subject_id, uscc FROM changed""";

    /**
     * Stores the results as each subject's current evaluation, unless a newer one (read later) is
     * stored already or the stored one still holds (same inputs and model, its validity not over),
     * and appends to the history those whose score, grade, class or model changed.
     *
     * @param readAt when the inputs were read: of two results, the one read later stands
     * @return the subjects whose stored result changed
     */
    List<Changed> store(Connection connection, List<EvaluationInputs> inputs, List<EvaluationResult> results, Instant readAt)
            throws SQLException {
        if (results.isEmpty()) {
            return List.of();
        }
        int n = results.size();
        Long[] ids = new Long[n];
        String[] usccs = new String[n];
        String[] regions = new String[n];
        String[] industries = new String[n];
        String[] types = new String[n];
        String[] models = new String[n];
        Date[] asOf = new Date[n];
        Integer[] scores = new Integer[n];
        String[] grades = new String[n];
        String[] classes = new String[n];
        String[] notEvaluated = new String[n];
        byte[][] fingerprints = new byte[n][];
        Date[] validUntil = new Date[n];
        for (int i = 0; i < n; i++) {
            EvaluationResult result = results.get(i);
            EvaluationInputs.Subject subject = inputs.get(i).subject();
            ids[i] = result.subjectId();
            usccs[i] = subject.uscc();
            regions[i] = subject.regionCode();
            industries[i] = subject.industrySection();
            types[i] = subject.type().name();
            models[i] = result.modelVersion();
            asOf[i] = Date.valueOf(result.asOf());
            scores[i] = result.score();
            grades[i] = result.grade() == null ? null : result.grade().name();
            classes[i] = result.supervision() == null ? null : result.supervision().name();
            notEvaluated[i] = result.notEvaluated();
            fingerprints[i] = result.inputsSha256();
            validUntil[i] = result.validUntil() == null ? null : Date.valueOf(result.validUntil());
        }
        try (PreparedStatement statement = connection.prepareStatement(STORE_RESULTS)) {
            int p = 1;
            statement.setArray(p++, connection.createArrayOf("bigint", ids));
            statement.setTimestamp(p++, Timestamp.from(readAt));
            statement.setArray(p++, connection.createArrayOf("bigint", ids));
            statement.setArray(p++, connection.createArrayOf("text", usccs));
            statement.setArray(p++, connection.createArrayOf("text", regions));
            statement.setArray(p++, connection.createArrayOf("text", industries));
            statement.setArray(p++, connection.createArrayOf("text", types));
            statement.setArray(p++, connection.createArrayOf("text", models));
            statement.setArray(p++, connection.createArrayOf("date", asOf));
            statement.setArray(p++, connection.createArrayOf("int4", scores));
            statement.setArray(p++, connection.createArrayOf("text", grades));
            statement.setArray(p++, connection.createArrayOf("text", classes));
            statement.setArray(p++, connection.createArrayOf("text", notEvaluated));
            statement.setString(p++, contributionsArray(results));
            statement.setArray(p++, connection.createArrayOf("bytea", fingerprints));
            statement.setArray(p, connection.createArrayOf("date", validUntil));
            List<Changed> changed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    changed.add(new Changed(rows.getLong(1), rows.getString(2)));
                }
            }
            return changed;
        }
    }

    /**
     * Takes up to {@code limit} queued rows, oldest first, skipping those another replica holds, and
     * every other committed row of the same subjects (a subject is queued once per writing statement):
     * they are deleted from the queue in this transaction, and come back if it rolls back. A write
     * committed after this statement queues its own row, so it is evaluated again. Returns the
     * subjects in ascending order, the order their results are written in by every replica.
     */
    List<Long> claimPending(Connection connection, int limit) throws SQLException {
        TreeSet<Long> ids = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                DELETE FROM evaluation_pending WHERE id IN (
                    SELECT id FROM evaluation_pending ORDER BY queued_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING subject_id""")) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        if (!ids.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement("""
                    DELETE FROM evaluation_pending WHERE id IN (
                        SELECT id FROM evaluation_pending WHERE subject_id = ANY (?) FOR UPDATE SKIP LOCKED)""")) {
                statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                statement.executeUpdate();
            }
        }
        return new ArrayList<>(ids);
    }

    /** Queues the subjects whose result time changes on or before {@code day}; returns how many were queued. */
    int queueDue(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO evaluation_pending (subject_id)
                SELECT subject_id FROM evaluation WHERE valid_until <= ?
                EXCEPT SELECT subject_id FROM evaluation_pending""")) {
            statement.setDate(1, Date.valueOf(day));
            return statement.executeUpdate();
        }
    }

    /** Empties the queue of what is committed: a recompute that starts after this reads all of it. */
    int clearPending(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM evaluation_pending")) {
            return statement.executeUpdate();
        }
    }

    /** The id range a full pass walks, and how many subjects it will evaluate. */
    record Population(long firstId, long lastId, long count) {
    }

    Population population(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(min(id), 0), coalesce(max(id), 0), count(*) FROM subject WHERE uscc IS NOT NULL");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new Population(rows.getLong(1), rows.getLong(2), rows.getLong(3));
        }
    }

    /** The id {@code step} subjects after {@code after} (those with a USCC), or the last id when fewer remain. */
    long rangeEnd(Connection connection, long after, int step) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT max(id) FROM (SELECT id FROM subject WHERE id > ? AND uscc IS NOT NULL ORDER BY id LIMIT ?) AS next")) {
            statement.setLong(1, after);
            statement.setInt(2, step);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long end = rows.getLong(1);
                return rows.wasNull() ? after : end;
            }
        }
    }

    private PreparedStatement select(Connection connection, String head, String column, Selection selection, String tail) throws SQLException {
        return switch (selection) {
            case Range range -> {
                PreparedStatement statement = connection.prepareStatement(head + column + " >= ? AND " + column + " < ?" + tail);
                statement.setLong(1, range.from());
                statement.setLong(2, range.to());
                yield statement;
            }
            case Ids set -> {
                PreparedStatement statement = connection.prepareStatement(head + column + " = ANY(?)" + tail);
                Array array = connection.createArrayOf("bigint", set.ids().toArray(Long[]::new));
                statement.setArray(1, array);
                yield statement;
            }
        };
    }

    /**
     * Every result's contributions as JSON, in the results' order, as the text of a PostgreSQL
     * {@code text[]}: each written by Jackson straight into the array's text, quotes and backslashes
     * escaped on the way. The array built from a string per result (tens of kilobytes for a subject
     * with many records), escaped again by the driver, was a seventh of what a re-score allocated
     * during a bulk load (docs/benchmarks.md, eleventh sitting).
     */
    private String contributionsArray(List<EvaluationResult> results) {
        StringBuilder literal = new StringBuilder(results.size() * 1024).append('{');
        Writer element = new ArrayElementWriter(literal);
        try {
            for (int i = 0; i < results.size(); i++) {
                literal.append(i == 0 ? "\"" : ",\"");
                json.writeValue(element, results.get(i).contributions());
                literal.append('"');
            }
        } catch (IOException e) {
            throw new IllegalStateException("A contribution is plain data and always writes as JSON", e);
        }
        return literal.append('}').toString();
    }

    /** Appends what it is given as the inside of a quoted array element: a quote or a backslash escaped with a backslash. */
    private static final class ArrayElementWriter extends Writer {

        private final StringBuilder literal;

        ArrayElementWriter(StringBuilder literal) {
            this.literal = literal;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                escaped(chars[i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                escaped(text.charAt(i));
            }
        }

        @Override
        public void write(int c) {
            escaped((char) c);
        }

        private void escaped(char c) {
            if (c == '"' || c == '\\') {
                literal.append('\\');
            }
            literal.append(c);
        }

        @Override
        public void flush() {
            // Everything is in the builder already.
        }

        @Override
        public void close() {
            // Jackson closes its target after each value; the builder goes on.
        }
    }

    private static LocalDate localDate(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDate.class);
    }
}
