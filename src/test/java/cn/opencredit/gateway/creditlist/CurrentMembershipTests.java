package cn.opencredit.gateway.creditlist;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * The SQL that lists current memberships and CreditListPolicies must agree, on the fixtures and
 * on every seeded subject that has list entries.
 */
@QuarkusTest
class CurrentMembershipTests {

    private final SubjectFixtures fixtures;
    private final AgroalDataSource dataSource;

    CurrentMembershipTests(SubjectFixtures fixtures, AgroalDataSource dataSource) {
        this.fixtures = fixtures;
        this.dataSource = dataSource;
    }

    @BeforeEach
    void loadFixtures() {
        fixtures.ensureLoaded();
    }

    @Test
    void shouldListExactlyTheEntriesThePolicyCallsCurrent() throws SQLException {
        List<String> usccs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT DISTINCT s.uscc FROM list_entry e JOIN subject s ON s.id = e.subject_id WHERE s.uscc IS NOT NULL ORDER BY 1 LIMIT 40")) {
            while (rows.next()) {
                usccs.add(rows.getString(1));
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(usccs.contains(SubjectFixtures.RICH));
        for (String uscc : usccs) {
            List<String> served = given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(200)
                    .extract().path("listMemberships.id");
            assertEquals(expectedCurrentIds(uscc), served.stream().sorted().toList(), uscc);
        }
    }

    private List<String> expectedCurrentIds(String uscc) throws SQLException {
        Instant now = Instant.now();
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                var select = connection.prepareStatement("""
                        SELECT e.id, e.included_at, e.expires_at, e.removed_at FROM list_entry e JOIN subject s ON s.id = e.subject_id
                        WHERE s.uscc = ?""")) {
            select.setString(1, uscc);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (CreditListPolicies.currentMembership(instant(rows, 2), instant(rows, 3), instant(rows, 4), now)) {
                        ids.add(Long.toString(rows.getLong(1)));
                    }
                }
            }
        }
        return ids.stream().sorted().toList();
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
