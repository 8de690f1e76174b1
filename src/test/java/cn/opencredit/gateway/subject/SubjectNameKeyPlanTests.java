package cn.opencredit.gateway.subject;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.testing.Jdbc;

/**
 * Ingestion's look-up of a batch's names ({@link SubjectRepository#USCCS_BY_NAME_KEY}) goes through
 * the name-key index however many names a batch has. The index is partial, so PostgreSQL ignores
 * its statistics; without the expression statistics of V056 it took 0.5 % of the register for each
 * key and, for a batch of a few hundred names, planned to read every subject. Checked in a
 * transaction that adds 10 000 subjects, analyses the table and rolls back, so that the estimate
 * comes from statistics and not from an empty table; sequential scans are off, so a plan without the
 * index shows which index the estimate preferred instead.
 */
@QuarkusTest
class SubjectNameKeyPlanTests {

    private static final int SUBJECTS = 10_000;
    private static final int KEYS = 200;

    private final DataSource dataSource;

    SubjectNameKeyPlanTests(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @ParameterizedTest
    @ValueSource(strings = {"force_custom_plan", "force_generic_plan"})
    void shouldLookUpABatchsNamesThroughTheNameKeyIndex(String planCacheMode) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            boolean prepared = false;
            try {
                statement.execute("""
                        INSERT INTO subject (uscc, name, subject_type, region_code)
                        SELECT 'YX' || lpad(i::text, 16, '0'), '名称键计划测试' || i || '有限公司', 'ENTERPRISE', '410100'
                        FROM generate_series(1, %d) AS i""".formatted(SUBJECTS));
                statement.execute("ANALYZE subject");
                statement.execute("SET LOCAL enable_seqscan = off");
                statement.execute("SET LOCAL plan_cache_mode = " + planCacheMode);
                statement.execute("PREPARE names_of_batch(text[]) AS " + SubjectRepository.USCCS_BY_NAME_KEY);
                prepared = true;
                String keys = IntStream.rangeClosed(1, KEYS).mapToObj(i -> "名称键计划测试" + i + "有限公司").collect(Collectors.joining(",", "'{", "}'"));
                String plan = Jdbc.lines(statement, "EXPLAIN EXECUTE names_of_batch(" + keys + ")");
                assertTrue(plan.contains("subject_name_key"), planCacheMode + ": the batch's names are not read through subject_name_key:\n"
                        + plan.lines().map(line -> line.length() > 160 ? line.substring(0, 160) + " …" : line).collect(Collectors.joining("\n")));
            } finally {
                connection.rollback();
                if (prepared) {
                    statement.execute("DEALLOCATE names_of_batch");
                }
            }
        }
    }
}
