package cn.opencredit.gateway.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.testing.Jdbc;

/**
 * The statement that stores a batch of results ({@link EvaluationStore#STORE_RESULTS}) reads each
 * of its parts once, however many subjects the batch has. PostgreSQL estimates ten rows for any
 * {@code unnest}; when the stored results were read by joining the unnested rows, it planned a
 * nested loop that read all of them again for each of them, so a batch of 500 re-evaluated subjects
 * read 250 000 rows (with their contributions) where 500 would do. Checked with {@code EXPLAIN
 * ANALYZE} in a transaction that adds subjects with stored results, stores new results for all of
 * them (each score one point higher, so every one changes and goes to the history) and rolls back.
 * The statement's parameters are given as columns of a temporary table, so that it is the
 * statement's own text that is planned.
 */
@QuarkusTest
class EvaluationStorePlanTests {

    private static final int SUBJECTS = 300;
    private static final Pattern PARAMETER = Pattern.compile("\\?");

    private final DataSource dataSource;
    private final ObjectMapper json;

    EvaluationStorePlanTests(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Test
    void shouldReadEveryPartOfTheStatementOnceForABatchOfChangedResults() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("""
                        INSERT INTO subject (uscc, name, subject_type, region_code)
                        SELECT 'YE' || lpad(i::text, 16, '0'), '评价写入计划测试' || i || '有限公司', 'ENTERPRISE', '410100'
                        FROM generate_series(1, %d) AS i""".formatted(SUBJECTS));
                // Stored results with contributions of a few kilobytes each, as a subject with many records has.
                statement.execute("""
                        INSERT INTO evaluation (subject_id, uscc, region_code, subject_type, model_version, as_of, score, grade,
                                                supervision_class, contributions, inputs_sha256, evaluated_at)
                        SELECT s.id, s.uscc, s.region_code, s.subject_type, m.version, current_date, 600, 'B', 'GENERAL',
                               (SELECT jsonb_agg(jsonb_build_object('rule', 'record:penalty:general', 'points', -10,
                                                                    'reasonZh', repeat('受到一般失信行政处罚，扣10分', 8)))
                                FROM generate_series(1, 20)),
                               decode(md5(s.uscc), 'hex'), now() - interval '1 hour'
                        FROM subject s, evaluation_model m
                        WHERE s.uscc LIKE 'YE0000000000%' AND m.status = 'PUBLISHED'""");
                // One column per parameter of the statement, in its order: the ids read before, the
                // time of the read, then the results' fourteen arrays.
                statement.execute("""
                        CREATE TEMPORARY TABLE plan_input ON COMMIT DROP AS
                        SELECT array_agg(subject_id ORDER BY subject_id) AS p1, now() AS p2,
                               array_agg(subject_id ORDER BY subject_id) AS p3, array_agg(uscc ORDER BY subject_id) AS p4,
                               array_agg(region_code ORDER BY subject_id) AS p5, array_agg(industry_section ORDER BY subject_id) AS p6,
                               array_agg(subject_type ORDER BY subject_id) AS p7, array_agg(model_version ORDER BY subject_id) AS p8,
                               array_agg(as_of ORDER BY subject_id) AS p9, array_agg(score + 1 ORDER BY subject_id) AS p10,
                               array_agg(grade ORDER BY subject_id) AS p11, array_agg(supervision_class ORDER BY subject_id) AS p12,
                               array_agg(not_evaluated ORDER BY subject_id) AS p13, array_agg(contributions::text ORDER BY subject_id) AS p14,
                               array_agg(sha256(inputs_sha256) ORDER BY subject_id) AS p15, array_agg(valid_until ORDER BY subject_id) AS p16
                        FROM evaluation WHERE uscc LIKE 'YE0000000000%'""");
                String plan = Jdbc.lines(statement, "EXPLAIN (ANALYZE, FORMAT JSON) " + withParametersFromTable(EvaluationStore.STORE_RESULTS));
                JsonNode root = json.readTree(plan).get(0);
                List<String> repeated = new ArrayList<>();
                collectRepeatedNodes(root.get("Plan"), repeated);
                assertTrue(repeated.isEmpty(), "parts of the statement read again for each row: " + repeated);
                // The statement did what it is for: every result changed and went to the history.
                assertEquals(SUBJECTS, root.get("Plan").get("Actual Rows").asInt(), "changed results the statement answered");
                try (ResultSet rows = statement.executeQuery("""
                        SELECT count(*) FROM evaluation_history h JOIN subject s ON s.id = h.subject_id
                        WHERE s.uscc LIKE 'YE0000000000%' AND h.score = 601""")) {
                    rows.next();
                    assertEquals(SUBJECTS, rows.getLong(1), "history entries of the changed results");
                }
                // Contributions of this size are compressed, with lz4 since V059 (a third of the statement's time with pglz).
                try (ResultSet rows = statement.executeQuery("""
                        SELECT pg_column_compression(contributions), count(*) FROM evaluation
                        WHERE uscc LIKE 'YE0000000000%' GROUP BY 1""")) {
                    assertTrue(rows.next());
                    assertEquals("lz4", rows.getString(1), "how the written contributions are compressed");
                    assertEquals(SUBJECTS, rows.getLong(2));
                    assertFalse(rows.next(), "one compression for all of them");
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /** The statement with its n-th parameter read from column pn of the temporary table. */
    private static String withParametersFromTable(String sql) {
        Matcher parameter = PARAMETER.matcher(sql);
        StringBuilder text = new StringBuilder();
        int n = 0;
        while (parameter.find()) {
            n++;
            parameter.appendReplacement(text, "(SELECT p" + n + " FROM plan_input)");
        }
        parameter.appendTail(text);
        assertEquals(16, n, "parameters of the statement");
        return text.toString();
    }

    /** Plan nodes run more than once ("Actual Loops" above one), named with their relation or CTE. */
    private static void collectRepeatedNodes(JsonNode node, List<String> repeated) {
        if (node.path("Actual Loops").asLong(1) > 1) {
            repeated.add(node.path("Node Type").asText() + " " + node.path("CTE Name").asText(node.path("Relation Name").asText(""))
                    + " × " + node.path("Actual Loops").asLong());
        }
        node.path("Plans").forEach(child -> collectRepeatedNodes(child, repeated));
    }
}
