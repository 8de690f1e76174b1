package cn.opencredit.gateway.subject;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.consent.ConsentService;
import cn.opencredit.gateway.creditlist.CreditListService;
import cn.opencredit.gateway.evaluation.EvaluationService;
import cn.opencredit.gateway.evaluation.EvaluationView;
import cn.opencredit.gateway.profile.ProfileService;
import cn.opencredit.gateway.record.RecordAudience;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordService;
import cn.opencredit.gateway.shared.sql.PreparedStatementCaching;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.testing.Jdbc;

/**
 * The profile's one statement (the subject with its list entries, records and grade as parts) reads
 * every table through an index, for every audience, with the plan PostgreSQL makes for the values
 * at hand and with the generic plan it keeps for a prepared statement. Sequential scans are switched
 * off for the check: with them off, a plan that still scans a table has no index it could use (the
 * tables here are too small for the planner to prefer an index by itself). A part added later that
 * no index serves fails here, not at 1 000 000 subjects. The same for the statement of the bank's
 * package and the credit report, which add the evaluation and records in detail to the profile, and
 * for the statement with which every pull of a bank reads the subject and its consents.
 */
@QuarkusTest
class ProfileStatementPlanTests {

    private final DataSource dataSource;
    private final CreditListService lists;
    private final RecordService records;
    private final EvaluationService evaluations;
    private final ProfileService profiles;
    private final ConsentService consents;

    ProfileStatementPlanTests(DataSource dataSource, CreditListService lists, RecordService records, EvaluationService evaluations,
            ProfileService profiles, ConsentService consents) {
        this.consents = consents;
        this.profiles = profiles;
        this.dataSource = dataSource;
        this.lists = lists;
        this.records = records;
        this.evaluations = evaluations;
    }

    @ParameterizedTest
    @EnumSource(RecordAudience.class)
    void shouldReadEveryPartThroughAnIndexWhoeverAsks(RecordAudience audience) throws SQLException {
        SubjectParts read = SubjectParts.of(Uscc.parse("91659001MA00000152", "uscc"));
        lists.standingPart(read);
        records.visibleSummaryPart(read, audience, 5);
        evaluations.gradePart(read);
        assertEveryTableReadThroughAnIndex(read, audience.toString(), PROFILE_TABLES);
    }

    /** The bank's package and the credit report add the whole evaluation and records in detail, of every category, to the profile. */
    @ParameterizedTest
    @EnumSource(RecordAudience.class)
    void shouldReadThePackagesPartsThroughAnIndexWhoeverAsks(RecordAudience audience) throws SQLException {
        SubjectParts read = SubjectParts.of(Uscc.parse("91659001MA00000152", "uscc"));
        profiles.parts(read, audience);
        evaluations.viewPart(read, EvaluationView.Detail.FULL);
        records.detailedPart(read, audience, EnumSet.allOf(RecordCategory.class), 12);
        assertEveryTableReadThroughAnIndex(read, audience + ", package", PROFILE_TABLES);
        assertTrue(SubjectRepository.sql(read).length() <= PreparedStatementCaching.SQL_LIMIT,
                "the statement stays prepared on the connection rather than planned at every execution");
    }

    /** Every pull of a bank reads the subject and the bank's consents about it in one statement, before the cache is asked. */
    @Test
    void shouldReadABanksConsentsWithTheSubjectThroughAnIndex() throws SQLException {
        SubjectParts read = SubjectParts.of(Uscc.parse("91659001MA00000152", "uscc"));
        consents.grantsPart(read, UUID.fromString("1d2226d1-b1c8-48dd-907c-6a26a5240fef"));
        assertEveryTableReadThroughAnIndex(read, "a bank's pull", "subject", "consent");
    }

    private static final String[] PROFILE_TABLES = {"subject", "list_entry", "credit_record", "evaluation"};

    private void assertEveryTableReadThroughAnIndex(SubjectParts read, String which, String... tables) throws SQLException {
        String types = read.args().stream().map(ProfileStatementPlanTests::type).collect(Collectors.joining(", "));
        String values = read.args().stream().map(ProfileStatementPlanTests::literal).collect(Collectors.joining(", "));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL enable_seqscan = off");
            statement.execute("PREPARE profile_statement(" + types + ") AS " + SubjectRepository.sql(read));
            try {
                for (String mode : new String[] {"force_custom_plan", "force_generic_plan"}) {
                    statement.execute("SET LOCAL plan_cache_mode = " + mode);
                    String plan = Jdbc.lines(statement, "EXPLAIN EXECUTE profile_statement(" + values + ")");
                    String what = which + ", " + mode;
                    assertFalse(plan.contains("Seq Scan"), what + " scans a table:\n" + plan);
                    for (String table : tables) {
                        assertTrue(plan.contains(" on " + table + " "), what + " does not read " + table + ":\n" + plan);
                    }
                }
            } finally {
                statement.execute("DEALLOCATE profile_statement");
                connection.rollback();
            }
        }
    }

    private static String type(Object arg) {
        return switch (arg) {
            case String ignored -> "text";
            case String[] ignored -> "text[]";
            case LocalDate ignored -> "date";
            case Integer ignored -> "int";
            case UUID ignored -> "uuid";
            default -> throw new IllegalArgumentException("no SQL type for " + arg.getClass());
        };
    }

    private static String literal(Object arg) {
        return switch (arg) {
            case String text -> quoted(text);
            case String[] texts -> Arrays.stream(texts).map(ProfileStatementPlanTests::quoted).collect(Collectors.joining(", ", "ARRAY[", "]::text[]"));
            case LocalDate day -> "DATE '" + day + "'";
            case Integer number -> number.toString();
            case UUID id -> "'" + id + "'::uuid";
            default -> throw new IllegalArgumentException("no SQL literal for " + arg.getClass());
        };
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
