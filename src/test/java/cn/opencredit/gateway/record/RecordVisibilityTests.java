package cn.opencredit.gateway.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The one visibility rule, and every place that repeats it: the SQL the reads use, the change
 * feed's database function and the partial indexes of disclosures are each evaluated by PostgreSQL
 * for every disclosure level and status (and date edge), and must agree with the Java predicate.
 */
@QuarkusTest
class RecordVisibilityTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    private final AgroalDataSource dataSource;

    RecordVisibilityTests(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void shouldShowListedRecordsOfTheAudiencesLevelsInsideTheirWindowOnly() {
        assertTrue(RecordVisibility.visible(RecordAudience.PUBLIC, DisclosureLevel.PUBLIC, RecordStatus.DISPUTED, TODAY, null, TODAY));
        assertFalse(RecordVisibility.visible(RecordAudience.PUBLIC, DisclosureLevel.AUTHORISED, RecordStatus.PUBLISHED, TODAY, null, TODAY));
        assertTrue(RecordVisibility.visible(RecordAudience.SELF, DisclosureLevel.AUTHORISED, RecordStatus.PUBLISHED, TODAY, null, TODAY));
        assertFalse(RecordVisibility.visible(RecordAudience.GOVERNMENT, DisclosureLevel.GOVERNMENT, RecordStatus.REPAIRED, TODAY, null, TODAY));
        assertFalse(RecordVisibility.visible(RecordAudience.GOVERNMENT, DisclosureLevel.PUBLIC, RecordStatus.REVOKED, TODAY, null, TODAY));
        assertFalse(RecordVisibility.visible(RecordAudience.PUBLIC, DisclosureLevel.PUBLIC, RecordStatus.PUBLISHED, TODAY.plusDays(1), null,
                TODAY), "not published yet");
        assertTrue(RecordVisibility.visible(RecordAudience.PUBLIC, DisclosureLevel.PUBLIC, RecordStatus.PUBLISHED, TODAY, TODAY, TODAY),
                "the last day of publication still shows");
        assertFalse(RecordVisibility.visible(RecordAudience.PUBLIC, DisclosureLevel.PUBLIC, RecordStatus.PUBLISHED, TODAY.minusYears(1),
                TODAY.minusDays(1), TODAY), "publication ended");
    }

    @Test
    void shouldAgreeWithTheSqlOfEveryReadForEveryLevelStatusAndDateEdge() throws SQLException {
        List<LocalDate[]> windows = List.of(new LocalDate[] {TODAY, null}, new LocalDate[] {TODAY.plusDays(1), null},
                new LocalDate[] {TODAY.minusYears(1), TODAY}, new LocalDate[] {TODAY.minusYears(1), TODAY.minusDays(1)});
        String sql = "SELECT " + RecordVisibility.visibleSql("r.", "?::text[]", "?::text[]", "?::date") + ", "
                + RecordVisibility.publicAndListedSql("r.") + ", changefeed_record_public(r.disclosure_level, r.status)"
                + " FROM (SELECT ?::text AS disclosure_level, ?::text AS status, ?::date AS published_from, ?::date AS published_until) r";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (RecordAudience audience : RecordAudience.values()) {
                for (DisclosureLevel level : DisclosureLevel.values()) {
                    for (RecordStatus status : RecordStatus.values()) {
                        for (LocalDate[] window : windows) {
                            select.setArray(1, connection.createArrayOf("text", audience.levels().stream().map(Enum::name).toArray()));
                            select.setArray(2, connection.createArrayOf("text", RecordVisibility.listedStatuses()));
                            select.setObject(3, TODAY);
                            select.setObject(4, TODAY);
                            select.setString(5, level.name());
                            select.setString(6, status.name());
                            select.setObject(7, window[0]);
                            select.setObject(8, window[1]);
                            try (ResultSet row = select.executeQuery()) {
                                row.next();
                                String combination = audience + " " + level + " " + status + " " + window[0] + ".." + window[1];
                                assertEquals(RecordVisibility.visible(audience, level, status, window[0], window[1], TODAY), row.getBoolean(1),
                                        "visibleSql, " + combination);
                                assertEquals(RecordVisibility.publicAndListed(level, status), row.getBoolean(2), "publicAndListedSql, " + combination);
                                assertEquals(RecordVisibility.publicAndListed(level, status), row.getBoolean(3),
                                        "changefeed_record_public() of V009, " + combination);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldBeThePredicateOfTheDisclosureIndexes() throws SQLException {
        List<String> predicates = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                        WHERE c.relname LIKE 'credit_record_disclosure_%' ORDER BY c.relname""")) {
            while (rows.next()) {
                predicates.add(rows.getString(1));
            }
        }
        assertEquals(3, predicates.size(), "the three disclosure indexes");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String predicate : predicates) {
                for (DisclosureLevel level : DisclosureLevel.values()) {
                    for (RecordStatus status : RecordStatus.values()) {
                        try (ResultSet row = statement.executeQuery("SELECT " + predicate + " FROM (SELECT '" + level.name()
                                + "'::text AS disclosure_level, '" + status.name() + "'::text AS status, 'PENALTY'::text AS category) r")) {
                            row.next();
                            assertEquals(RecordVisibility.publicAndListed(level, status), row.getBoolean(1), predicate + ": " + level + " " + status);
                        }
                    }
                }
            }
        }
    }
}
