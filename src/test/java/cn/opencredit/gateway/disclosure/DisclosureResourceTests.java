package cn.opencredit.gateway.disclosure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * The disclosure listing over the seed, the subject fixtures and a department of its own whose
 * records cover every visibility case, categories and shared decision dates.
 */
@QuarkusTest
class DisclosureResourceTests {

    private static final String DISCLOSURES = "/api/v1/disclosures";
    private static final String PROBLEM = "application/problem+json";
    private static final String DEPARTMENT = SubjectFixtures.uscc("11", "MCD00001");
    private static final String OTHER_DEPARTMENT = SubjectFixtures.uscc("11", "MCD00002");
    private static final String SUBJECT = SubjectFixtures.uscc("91", "MCD10001");
    private static final Set<String> ADMINISTRATIVE = Set.of("licence", "penalty", "coercion", "confirmation", "levy", "payment",
            "adjudication", "compensation", "reward", "inspection");
    private static final LocalDate TODAY = ChinaTime.today(Clock.systemUTC());

    private final AgroalDataSource dataSource;
    private final SubjectFixtures fixtures;
    private final AccessFixtures access;
    /** The department's records by source record id, in insertion order. */
    private final Map<String, Long> ids = new LinkedHashMap<>();

    DisclosureResourceTests(AgroalDataSource dataSource, SubjectFixtures fixtures, AccessFixtures access) {
        this.dataSource = dataSource;
        this.fixtures = fixtures;
        this.access = access;
    }

    @BeforeEach
    void loadRecords() throws SQLException {
        fixtures.ensureLoaded();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long subject;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO subject (uscc, name, subject_type, region_code, registered_on) VALUES (?, '石河子公示测试有限公司', 'ENTERPRISE',
                        '659001', DATE '2020-01-01') ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name RETURNING id""")) {
                insert.setString(1, SUBJECT);
                try (ResultSet id = insert.executeQuery()) {
                    id.next();
                    subject = id.getLong(1);
                }
            }
            record(connection, subject, "licence-a", "LICENCE", TODAY.minusDays(30), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "licence-b", "LICENCE", TODAY.minusDays(30), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "penalty-disputed", "PENALTY", TODAY.minusDays(20), "PUBLIC", "DISPUTED", TODAY.plusYears(1), DEPARTMENT);
            record(connection, subject, "penalty-corrected", "PENALTY", TODAY.minusDays(40), "PUBLIC", "CORRECTED", TODAY.plusYears(1), DEPARTMENT);
            record(connection, subject, "inspection", "INSPECTION", TODAY.minusDays(50), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "reward", "REWARD", TODAY.minusDays(60), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "penalty-repaired", "PENALTY", TODAY.minusDays(25), "PUBLIC", "REPAIRED", TODAY.plusYears(1), DEPARTMENT);
            record(connection, subject, "penalty-revoked", "PENALTY", TODAY.minusDays(26), "PUBLIC", "REVOKED", TODAY.plusYears(1), DEPARTMENT);
            record(connection, subject, "licence-authorised", "LICENCE", TODAY.minusDays(27), "AUTHORISED", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "licence-government", "LICENCE", TODAY.minusDays(28), "GOVERNMENT", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "penalty-ended", "PENALTY", TODAY.minusYears(2), "PUBLIC", "PUBLISHED", TODAY.minusDays(1), DEPARTMENT);
            record(connection, subject, "honour", "HONOUR", TODAY.minusDays(15), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "tax-grade", "TAX_CREDIT_GRADE", TODAY.minusDays(16), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "other-department", "LICENCE", TODAY.minusDays(30), "PUBLIC", "PUBLISHED", null, OTHER_DEPARTMENT);
            connection.commit();
        }
    }

    /** Newest decision first, ties by id newest first; only public, listed, in-window administrative actions. */
    @Test
    void shouldListOnlyDisclosedAdministrativeActionsOfTheDepartmentNewestFirst() {
        assertEquals(List.of(id("penalty-disputed"), id("licence-b"), id("licence-a"), id("penalty-corrected"), id("inspection"), id("reward")),
                walk("department=" + DEPARTMENT, 100));
    }

    @Test
    void shouldVisitEveryDisclosureOnceWhenWalkingPageByPage() {
        assertEquals(walk("department=" + DEPARTMENT, 100), walk("department=" + DEPARTMENT, 1));
        assertEquals(walk("department=" + DEPARTMENT, 100), walk("department=" + DEPARTMENT, 4));
    }

    @Test
    void shouldMarkDisputedRecordsAndNameTheirSubject() {
        asApp().queryParam("department", DEPARTMENT).queryParam("category", "penalty").when().get(DISCLOSURES)
                .then().statusCode(200)
                .body("items.record.id", equalTo(List.of(id("penalty-disputed"), id("penalty-corrected"))))
                .body("items[0].record.disputed", equalTo(true))
                .body("items[0].record.status", equalTo("disputed"))
                .body("items[1].record.disputed", equalTo(false))
                .body("items[0].subject.uscc", equalTo(SUBJECT))
                .body("items[0].subject.name", equalTo("石河子公示测试有限公司"))
                .body("items[0].subject.regionCode", equalTo("659001"))
                .body("items[0].record.sourceDepartment.uscc", equalTo(DEPARTMENT))
                .body("items[0].record.amount.amount", equalTo("800.00"));
    }

    @Test
    void shouldFilterByCategoryRegionAndDecisionDates() {
        String department = "department=" + DEPARTMENT;
        assertEquals(List.of(id("licence-b"), id("licence-a")), walk(department + "&category=LICENCE", 100));
        assertEquals(List.of(id("inspection")), walk(department + "&category=inspection", 100));
        assertEquals(List.of(id("licence-b"), id("licence-a"), id("penalty-corrected")),
                walk(department + "&from=" + TODAY.minusDays(40) + "&to=" + TODAY.minusDays(30), 100));
        assertEquals(List.of(id("penalty-disputed"), id("licence-b"), id("licence-a")), walk(department + "&from=" + TODAY.minusDays(30), 100));
        assertEquals(List.of(id("reward")), walk(department + "&to=" + TODAY.minusDays(60), 100));
        for (String region : List.of("65", "6590", "659001", " ６５９００１ ")) {
            assertEquals(walk(department, 100), walk(department + "&region=" + URLEncoder.encode(region, StandardCharsets.UTF_8)
                    .replace("+", "%20"), 100), region);
        }
        assertEquals(List.of(), walk(department + "&region=41", 100));
        assertEquals(List.of(), walk(department + "&region=659002", 100));
        assertEquals(List.of(id("other-department")), walk("department=" + OTHER_DEPARTMENT, 100));
    }

    @Test
    void shouldFilterTheWholeListingConsistently() {
        Response response = asApp().queryParam("category", "penalty").queryParam("region", "41").queryParam("limit", "100").when().get(DISCLOSURES);
        response.then().statusCode(200)
                .body("items.record.category", everyItem(equalTo("penalty")))
                .body("items.record.disputed", everyItem(instanceOf(Boolean.class)));
        List<String> regions = response.path("items.subject.regionCode");
        assertTrue(!regions.isEmpty() && regions.stream().allMatch(r -> r.startsWith("41")), regions.toString());
        List<String> dates = response.path("items.record.decisionDate");
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(Comparator.reverseOrder());
        assertEquals(sorted, dates);
    }

    /** The same visibility as the subject's own record listing (RecordPolicies), restricted to administrative actions. */
    @Test
    void shouldAgreeWithTheRecordListingOfASubject() {
        List<Map<String, Object>> records = given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP)))
                .queryParam("limit", "100").when().get("/api/v1/subjects/{uscc}/records", SubjectFixtures.RICH)
                .then().statusCode(200).extract().path("items");
        List<String> expected = records.stream().filter(r -> ADMINISTRATIVE.contains((String) r.get("category"))).map(r -> (String) r.get("id"))
                .toList();
        List<String> disclosed = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = asApp().queryParam("department", SubjectFixtures.DEPARTMENT_USCC).queryParam("region", "659001")
                    .queryParam("limit", "100");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.when().get(DISCLOSURES);
            response.then().statusCode(200);
            List<Map<String, Object>> items = response.path("items");
            items.stream().filter(item -> SubjectFixtures.RICH.equals(((Map<?, ?>) item.get("subject")).get("uscc")))
                    .forEach(item -> disclosed.add((String) ((Map<?, ?>) item.get("record")).get("id")));
            cursor = response.path("nextCursor");
        } while (cursor != null);
        assertTrue(expected.size() > 10);
        assertEquals(expected, disclosed);
    }

    /** Over the whole seed: exactly the rows of the rule, walked in 100-row pages. */
    @Test
    void shouldListTheWholeSeedExactlyOnce() throws SQLException {
        List<String> expected = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT r.id FROM credit_record r JOIN subject s ON s.id = r.subject_id
                        WHERE s.uscc IS NOT NULL AND r.disclosure_level = 'PUBLIC' AND r.status IN ('PUBLISHED', 'DISPUTED', 'CORRECTED')
                          AND r.category IN ('LICENCE', 'PENALTY', 'COERCION', 'CONFIRMATION', 'LEVY', 'PAYMENT', 'ADJUDICATION',
                                             'COMPENSATION', 'REWARD', 'INSPECTION')
                          AND r.published_from <= (now() AT TIME ZONE 'Asia/Shanghai')::date
                          AND (r.published_until IS NULL OR r.published_until >= (now() AT TIME ZONE 'Asia/Shanghai')::date)
                        ORDER BY r.decision_date DESC, r.id DESC""")) {
            while (rows.next()) {
                expected.add(Long.toString(rows.getLong(1)));
            }
        }
        assertTrue(expected.size() > 500);
        assertEquals(expected, walk("", 100));
    }

    @Test
    void shouldAnswerAnonymousCallersAndKeyedOnesWithPublicRead() {
        given().queryParam("limit", "1").when().get(DISCLOSURES).then().statusCode(200);
        for (ConsumerType type : ConsumerType.values()) {
            given().header("Authorization", AccessFixtures.bearer(access.key(type))).queryParam("limit", "1").when().get(DISCLOSURES)
                    .then().statusCode(200);
        }
        given().header("Authorization", AccessFixtures.bearer("ocg_thisKeyWasNeverIssuedByTheGateway0")).when().get(DISCLOSURES)
                .then().statusCode(401).body("type", equalTo("https://api.opencredit.cn/problems/unauthenticated"));
        String auditOnly = AccessFixtures.issueKey(AccessFixtures.createConsumer("只审计", ConsumerType.OPERATOR, null, List.of("audit:read"),
                "standard"));
        given().header("Authorization", AccessFixtures.bearer(auditOnly)).when().get(DISCLOSURES)
                .then().statusCode(403).body("type", equalTo("https://api.opencredit.cn/problems/forbidden"));
    }

    @Test
    void shouldRefuseAnUnknownOrNonAdministrativeCategory() {
        for (String category : List.of("speeding", "honour", "tax-credit-grade", "judicial")) {
            asApp().queryParam("category", category).when().get(DISCLOSURES)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("https://api.opencredit.cn/problems/invalid-parameter"))
                    .body("errors[0].field", equalTo("category"))
                    .body("errors[0].code", equalTo("unknown-value"))
                    .body("errors[0].expected", equalTo("licence, penalty, coercion, confirmation, levy, payment, adjudication, compensation, "
                            + "reward, inspection"));
        }
    }

    @Test
    void shouldRefuseBadDatesAndAnInvertedRange() {
        for (String[] bad : new String[][] {{"from", "2026-13-01"}, {"from", "yesterday"}, {"to", "2026-02-30"}, {"to", "20260101"}}) {
            asApp().queryParam(bad[0], bad[1]).when().get(DISCLOSURES)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo(bad[0]))
                    .body("errors[0].code", equalTo("format"));
        }
        asApp().queryParam("from", "2026-05-02").queryParam("to", "2026-05-01").when().get(DISCLOSURES)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].code", equalTo("after-to"));
        asApp().queryParam("from", "2026-05-01").queryParam("to", "2026-05-01").when().get(DISCLOSURES).then().statusCode(200);
        asApp().queryParam("from", "nope").queryParam("to", "never").queryParam("region", "6").when().get(DISCLOSURES)
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("region", "from", "to")));
    }

    @Test
    void shouldRefuseABadRegionOrDepartment() {
        for (String region : List.of("6", "659", "65900", "6590011", "ab")) {
            asApp().queryParam("region", region).when().get(DISCLOSURES)
                    .then().statusCode(400).body("errors[0].field", equalTo("region")).body("errors[0].code", equalTo("format"));
        }
        String wrongCheck = DEPARTMENT.substring(0, 17) + (DEPARTMENT.charAt(17) == '0' ? '1' : '0');
        asApp().queryParam("department", wrongCheck).when().get(DISCLOSURES)
                .then().statusCode(400)
                .body("type", equalTo("https://api.opencredit.cn/problems/invalid-uscc"))
                .body("errors.field", hasItem("department"));
    }

    @Test
    void shouldRefuseBadPagingParameters() {
        for (String limit : List.of("0", "101", "x")) {
            asApp().queryParam("limit", limit).when().get(DISCLOSURES)
                    .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        }
        asApp().queryParam("cursor", "garbage!").when().get(DISCLOSURES)
                .then().statusCode(400).body("type", equalTo("https://api.opencredit.cn/problems/invalid-cursor"));
        String cursor = asApp().queryParam("department", DEPARTMENT).queryParam("limit", "1").when().get(DISCLOSURES)
                .then().statusCode(200).extract().path("nextCursor");
        asApp().queryParam("department", DEPARTMENT).queryParam("category", "licence").queryParam("cursor", cursor).when().get(DISCLOSURES)
                .then().statusCode(400).body("type", equalTo("https://api.opencredit.cn/problems/invalid-cursor"));
    }

    private RequestSpecification asApp() {
        return given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP)));
    }

    private List<String> walk(String query, int limit) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            String url = DISCLOSURES + "?limit=" + limit + (query.isEmpty() ? "" : "&" + query) + (cursor == null ? "" : "&cursor=" + cursor);
            Response response = given().urlEncodingEnabled(false).when().get(url);
            response.then().statusCode(200);
            found.addAll(response.path("items.record.id"));
            cursor = response.path("nextCursor");
        } while (cursor != null);
        return found;
    }

    private String id(String sourceRecordId) {
        return Long.toString(ids.get(sourceRecordId));
    }

    private void record(Connection connection, long subject, String sourceId, String category, LocalDate decided, String level, String status,
            LocalDate until, String department) throws SQLException {
        boolean penalty = "PENALTY".equals(category);
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id, title,
                    decision_number, decision_date, reported_on, content, severity, amount, currency, disclosure_level, published_from,
                    published_until, status)
                VALUES (?, ?, '石河子市公示测试局', ?, ?, '决定书', ?, ?, ?, '公示测试', ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source_department_uscc, source_record_id) DO UPDATE SET status = EXCLUDED.status RETURNING id""")) {
            upsert.setLong(1, subject);
            upsert.setString(2, category);
            upsert.setString(3, department);
            upsert.setString(4, "disclosure-" + sourceId);
            upsert.setString(5, "石公〔2026〕" + sourceId + "号");
            upsert.setObject(6, decided);
            upsert.setObject(7, decided.plusDays(3));
            upsert.setString(8, penalty ? "GENERAL" : null);
            upsert.setBigDecimal(9, penalty ? new BigDecimal("800.00") : null);
            upsert.setString(10, penalty ? "CNY" : null);
            upsert.setString(11, level);
            upsert.setObject(12, decided);
            upsert.setObject(13, until);
            upsert.setString(14, status);
            try (ResultSet id = upsert.executeQuery()) {
                id.next();
                ids.put(sourceId, id.getLong(1));
            }
        }
    }
}
