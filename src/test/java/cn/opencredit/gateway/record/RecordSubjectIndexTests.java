package cn.opencredit.gateway.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.testing.Jdbc;

/**
 * The profile's per-subject record read is served by an index for every audience, with the plan
 * PostgreSQL makes for these values and with the generic plan it keeps for a prepared statement
 * after a few executions. Sequential scans are switched off for the check: with them off, a plan
 * that still scans credit_record has no index it could use (the tables here are too small for the
 * planner to prefer an index by itself). And nothing keeps PostgreSQL from settling on the generic plan
 * instead of planning each execution anew (planning cost more than the read itself while a smaller
 * partial index made the plan for the values at hand look cheaper).
 */
@QuarkusTest
class RecordSubjectIndexTests {

    private final DataSource dataSource;

    RecordSubjectIndexTests(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @ParameterizedTest
    @EnumSource(RecordAudience.class)
    void shouldReadOneSubjectsRecordsThroughAnIndexWhoeverAsks(RecordAudience audience) throws SQLException {
        String levels = audience.levels().stream().map(Enum::name).collect(Collectors.joining(",", "'{", "}'"));
        String statuses = String.join(",", RecordVisibility.listedStatuses());
        String execute = "EXPLAIN EXECUTE record_summary(1, '{" + statuses + "}', DATE '2026-12-06', " + levels + ", 5)";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL enable_seqscan = off");
            statement.execute("PREPARE record_summary(bigint, text[], date, text[], int) AS "
                    + RecordRepository.summarySql("id", "$1", "$2", "$3", "$4", "$5"));
            try {
                statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                assertIndexed(Jdbc.lines(statement, execute), audience + ", custom plan");
                statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                assertIndexed(Jdbc.lines(statement, execute), audience + ", generic plan");
            } finally {
                statement.execute("DEALLOCATE record_summary");
                connection.rollback();
            }
        }
    }

    /**
     * The generic plan only wins when no partial index on subject_id makes the plan for the values at
     * hand look cheaper; the tables here are too small to show it (PostgreSQL keeps the generic plan
     * either way), so the guard is on the indexes themselves.
     */
    @Test
    void shouldHaveOneIndexLeadingWithTheSubjectAndNoPartialOne() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet indexes = statement.executeQuery("""
                        SELECT string_agg(indexrelid::regclass::text || CASE WHEN indpred IS NULL THEN '' ELSE ' (partial)' END, ', '
                                          ORDER BY indexrelid::regclass::text)
                        FROM pg_index WHERE indrelid = 'credit_record'::regclass
                          AND indkey[0] = (SELECT attnum FROM pg_attribute WHERE attrelid = 'credit_record'::regclass AND attname = 'subject_id')
                          AND indexrelid::regclass::text <> 'credit_record_subject_category_public'""")) {
            assertTrue(indexes.next());
            assertEquals("credit_record_subject", indexes.getString(1),
                    "credit_record_subject_category_public serves the public category pages; any other index leading with subject_id competes with the generic plan");
        }
    }

    private static void assertIndexed(String plan, String which) {
        assertFalse(plan.contains("Seq Scan on credit_record"), which + " scans the table:\n" + plan);
        assertTrue(plan.contains("on credit_record"), which + " does not read credit_record at all:\n" + plan);
    }
}
