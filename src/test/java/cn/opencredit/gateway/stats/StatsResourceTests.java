package cn.opencredit.gateway.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * Statistics over a department and a region of their own (region 659007 has no other subjects), read
 * after the read models were refreshed.
 */
@QuarkusTest
class StatsResourceTests {

    private static final String STATS = "/api/v1/stats/disclosures";
    private static final String DEPARTMENT = SubjectFixtures.uscc("11", "MCT00001");
    private static final String REGION = "659007";

    private final AgroalDataSource dataSource;
    private final AccessFixtures access;

    StatsResourceTests(AgroalDataSource dataSource, AccessFixtures access) {
        this.dataSource = dataSource;
        this.access = access;
    }

    @BeforeEach
    void loadAndRefresh() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long current = subject(connection, 1);
            long removed = subject(connection, 2);
            long expired = subject(connection, 3);
            long red = subject(connection, 4);
            record(connection, current, "licence-on-time", "LICENCE", "2026-03-02", "PUBLIC", 3, false);
            record(connection, current, "licence-late", "LICENCE", "2026-03-10", "PUBLIC", 9, true);
            record(connection, removed, "licence-untimed", "LICENCE", "2026-04-01", "PUBLIC", null, null);
            record(connection, expired, "penalty-on-time", "PENALTY", "2026-03-15", "PUBLIC", 7, false);
            record(connection, red, "penalty-late", "PENALTY", "2026-05-20", "PUBLIC", 12, true);
            record(connection, red, "licence-authorised", "LICENCE", "2026-03-05", "AUTHORISED", 2, false);
            record(connection, red, "honour", "HONOUR", "2026-03-06", "PUBLIC", null, null);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM list_entry WHERE subject_id IN (" + current + ", " + removed + ", " + expired + ", " + red + ")");
                statement.execute(entry(current, "BLACK", "now() - interval '10 days'", "NULL", "NULL"));
                statement.execute(entry(removed, "BLACK", "now() - interval '100 days'", "NULL", "now() - interval '1 day'"));
                statement.execute(entry(expired, "BLACK", "now() - interval '400 days'", "now() - interval '1 day'", "NULL"));
                statement.execute(entry(red, "RED", "now() - interval '10 days'", "NULL", "NULL"));
                statement.execute(entry(red, "BLACK", "now() + interval '1 day'", "NULL", "NULL"));
                statement.execute(entry(current, "BLACK", "now() - interval '5 days'", "NULL", "NULL"));
            }
            connection.commit();
            connection.setAutoCommit(true);
            // false while the scheduled refresh holds the lock; that one may have started before these rows committed.
            boolean refreshed = false;
            while (!refreshed) {
                try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT stats_refresh()")) {
                    result.next();
                    refreshed = result.getBoolean(1);
                }
            }
        }
    }

    @Test
    void shouldCountPublicLicencesAndPenaltiesAndTheOnTimeRateOfADepartment() {
        asApp().queryParam("department", DEPARTMENT).when().get(STATS)
                .then().statusCode(200)
                .body("computedAt", notNullValue())
                .body("department", equalTo(DEPARTMENT))
                .body("departments.size()", equalTo(1))
                .body("departments[0].department.uscc", equalTo(DEPARTMENT))
                .body("departments[0].department.name", equalTo("石河子市统计测试局"))
                .body("departments[0].licences", equalTo(3))
                .body("departments[0].penalties", equalTo(2))
                .body("departments[0].timed", equalTo(4))
                .body("departments[0].onTime", equalTo(2))
                .body("departments[0].late", equalTo(2))
                .body("departments[0].onTimeRate", equalTo(0.5f));
    }

    @Test
    void shouldCountOnlyDecisionsInsideTheRange() {
        asApp().queryParam("department", DEPARTMENT).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").when().get(STATS)
                .then().statusCode(200)
                .body("from", equalTo("2026-03-01"))
                .body("to", equalTo("2026-03-31"))
                .body("departments[0].licences", equalTo(2))
                .body("departments[0].penalties", equalTo(1))
                .body("departments[0].timed", equalTo(3))
                .body("departments[0].late", equalTo(1))
                .body("departments[0].onTimeRate", equalTo(0.6667f));
        asApp().queryParam("department", DEPARTMENT).queryParam("from", "2026-04-01").when().get(STATS)
                .then().statusCode(200)
                .body("departments[0].licences", equalTo(1))
                .body("departments[0].timed", equalTo(1))
                .body("departments[0].onTimeRate", equalTo(0.0f));
        asApp().queryParam("department", DEPARTMENT).queryParam("from", "2026-04-01").queryParam("to", "2026-04-30").when().get(STATS)
                .then().statusCode(200)
                .body("departments[0].licences", equalTo(1))
                .body("departments[0].timed", equalTo(0))
                .body("departments[0].containsKey('onTimeRate')", equalTo(false));
        asApp().queryParam("department", DEPARTMENT).queryParam("from", "2026-06-01").when().get(STATS)
                .then().statusCode(200).body("departments", empty());
    }

    @Test
    void shouldGiveTheShareOfCurrentlyBlackListedSubjectsPerRegion() {
        List<Map<String, Object>> regions = asApp().when().get(STATS).then().statusCode(200)
                .body("departments.department.uscc", hasItem(DEPARTMENT))
                .extract().path("regions");
        Map<String, Object> region = regions.stream().filter(r -> REGION.equals(r.get("regionCode"))).findFirst().orElseThrow();
        assertEquals(4, region.get("subjects"));
        assertEquals(1, region.get("blackListed"));
        assertEquals(0.25f, region.get("blackListedShare"));
    }

    @Test
    void shouldRefuseBadDatesAnInvertedRangeAndAnInvalidDepartment() {
        for (String[] bad : new String[][] {{"from", "2026-3-1"}, {"from", "abc"}, {"to", "2026-02-30"}}) {
            asApp().queryParam(bad[0], bad[1]).when().get(STATS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://api.opencredit.cn/problems/invalid-parameter"))
                    .body("errors[0].field", equalTo(bad[0]))
                    .body("errors[0].code", equalTo("format"));
        }
        asApp().queryParam("from", "2026-12-01").queryParam("to", "2026-01-01").when().get(STATS)
                .then().statusCode(400).body("errors[0].field", equalTo("from")).body("errors[0].code", equalTo("after-to"));
        asApp().queryParam("department", "11659001MCT0000").when().get(STATS)
                .then().statusCode(400)
                .body("type", equalTo("https://api.opencredit.cn/problems/invalid-uscc"))
                .body("errors[0].field", equalTo("department"));
    }

    @Test
    void shouldAnswerOnlyKeyedConsumersWithPublicRead() {
        given().when().get(STATS).then().statusCode(401).body("type", equalTo("https://api.opencredit.cn/problems/unauthenticated"));
        String ingestOnly = AccessFixtures.issueKey(AccessFixtures.createConsumer("统计测试报送", ConsumerType.DEPARTMENT, SubjectFixtures.DEPARTMENT_USCC,
                List.of("ingest:write"), "standard"));
        given().header("Authorization", AccessFixtures.bearer(ingestOnly)).when().get(STATS)
                .then().statusCode(403).body("type", equalTo("https://api.opencredit.cn/problems/forbidden"));
        for (ConsumerType type : ConsumerType.values()) {
            given().header("Authorization", AccessFixtures.bearer(access.key(type))).when().get(STATS).then().statusCode(200);
        }
    }

    private RequestSpecification asApp() {
        return given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP)));
    }

    private static long subject(Connection connection, int number) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO subject (uscc, name, subject_type, region_code) VALUES (?, ?, 'ENTERPRISE', ?)
                ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name RETURNING id""")) {
            upsert.setString(1, SubjectFixtures.uscc("91", "MCT1000" + number));
            upsert.setString(2, "统计测试企业" + number);
            upsert.setString(3, REGION);
            try (ResultSet id = upsert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private static void record(Connection connection, long subject, String sourceId, String category, String decided, String level,
            Integer workingDays, Boolean late) throws SQLException {
        LocalDate decision = LocalDate.parse(decided);
        boolean penalty = "PENALTY".equals(category);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id, title,
                    decision_date, reported_on, content, severity, disclosure_level, published_from, due_on, working_days_to_report, late)
                VALUES (?, ?, '石河子市统计测试局', ?, ?, '决定书', ?, ?, '统计测试', ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source_department_uscc, source_record_id) DO NOTHING""")) {
            insert.setLong(1, subject);
            insert.setString(2, category);
            insert.setString(3, DEPARTMENT);
            insert.setString(4, "stats-" + sourceId);
            insert.setObject(5, decision);
            insert.setObject(6, decision.plusDays(workingDays == null ? 1 : workingDays + 2));
            insert.setString(7, penalty ? "GENERAL" : null);
            insert.setString(8, level);
            insert.setObject(9, decision);
            insert.setObject(10, workingDays == null ? null : decision.plusDays(9));
            insert.setObject(11, workingDays);
            insert.setObject(12, late);
            insert.executeUpdate();
        }
    }

    private static String entry(long subject, String type, String includedAt, String expiresAt, String removedAt) {
        return "INSERT INTO list_entry (subject_id, list_type, authority, authority_uscc, reason, included_at, expires_at, removed_at, "
                + "removal_reason) VALUES (" + subject + ", '" + type + "', '石河子市统计测试局', '" + DEPARTMENT + "', '统计测试', " + includedAt
                + ", " + expiresAt + ", " + removedAt + ", " + ("NULL".equals(removedAt) ? "NULL" : "'REPAIRED'") + ")";
    }
}
