package cn.opencredit.gateway.disclosure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
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
 * The disclosure listing through the API, against a department of the test's own whose records
 * cover every case of what is disclosed and what is not, categories, shared decision dates and the
 * edges of the publication window; and against the seed and the subject fixtures for the whole
 * listing's order and its agreement with a subject's own records.
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
    /** The listing's order, oldest first: decision date, then id. */
    private static final Comparator<Map<String, Object>> DECISION_ORDER = Comparator
            .comparing((Map<String, Object> record) -> LocalDate.parse((String) record.get("decisionDate")))
            .thenComparing(record -> Long.parseLong((String) record.get("id")));

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
            long subject = subject(connection, "INSERT INTO subject (uscc, name, subject_type, region_code, registered_on) "
                    + "VALUES (?, '石河子公示测试有限公司', 'ENTERPRISE', '659001', DATE '2020-01-01') "
                    + "ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name RETURNING id", SUBJECT);
            // Natural persons have no USCC; they are found again by the keyed hash of their identity number.
            long person = subject(connection, "INSERT INTO subject (name, subject_type, region_code, identity_hash) "
                    + "VALUES ('张某', 'NATURAL_PERSON', '659001', sha256(convert_to(?, 'UTF8'))) "
                    + "ON CONFLICT (identity_hash) DO UPDATE SET name = EXCLUDED.name RETURNING id", "disclosure-tests-person");
            // Disclosed: public, listed and inside the publication window on the day of the request.
            record(connection, subject, "licence-a", "LICENCE", TODAY.minusDays(30), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "licence-b", "LICENCE", TODAY.minusDays(30), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "penalty-disputed", "PENALTY", TODAY.minusDays(20), "PUBLIC", "DISPUTED", TODAY.plusYears(1), DEPARTMENT);
            record(connection, subject, "penalty-corrected", "PENALTY", TODAY.minusDays(40), "PUBLIC", "CORRECTED", TODAY.plusYears(1), DEPARTMENT);
            record(connection, subject, "inspection", "INSPECTION", TODAY.minusDays(50), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "penalty-ends-today", "PENALTY", TODAY.minusDays(55), "PUBLIC", "PUBLISHED", TODAY, DEPARTMENT);
            record(connection, subject, "reward", "REWARD", TODAY.minusDays(60), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "licence-starts-today", "LICENCE", TODAY.minusDays(70), TODAY, "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            // Not disclosed: repaired, revoked (withdrawn), not public, publication over or not begun, not an
            // administrative action, about a natural person.
            record(connection, subject, "penalty-repaired", "PENALTY", TODAY.minusDays(25), "PUBLIC", "REPAIRED", TODAY.plusYears(1), DEPARTMENT);
            record(connection, subject, "penalty-revoked", "PENALTY", TODAY.minusDays(26), "PUBLIC", "REVOKED", TODAY.plusYears(1), DEPARTMENT);
            record(connection, subject, "licence-authorised", "LICENCE", TODAY.minusDays(27), "AUTHORISED", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "licence-government", "LICENCE", TODAY.minusDays(28), "GOVERNMENT", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "penalty-ended", "PENALTY", TODAY.minusYears(2), "PUBLIC", "PUBLISHED", TODAY.minusDays(1), DEPARTMENT);
            record(connection, subject, "licence-not-yet-published", "LICENCE", TODAY.minusDays(5), TODAY.plusDays(1), "PUBLIC", "PUBLISHED", null,
                    DEPARTMENT);
            record(connection, subject, "honour", "HONOUR", TODAY.minusDays(15), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "tax-grade", "TAX_CREDIT_GRADE", TODAY.minusDays(16), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, person, "penalty-of-a-person", "PENALTY", TODAY.minusDays(12), "PUBLIC", "PUBLISHED", null, DEPARTMENT);
            record(connection, subject, "other-department", "LICENCE", TODAY.minusDays(30), "PUBLIC", "PUBLISHED", null, OTHER_DEPARTMENT);
            connection.commit();
        }
    }

    /** What the department discloses, newest decision first, ties by id newest first. */
    private List<String> disclosedNewestFirst() {
        return List.of(id("penalty-disputed"), id("licence-b"), id("licence-a"), id("penalty-corrected"), id("inspection"),
                id("penalty-ends-today"), id("reward"), id("licence-starts-today"));
    }

    private List<String> withheld() {
        return List.of(id("penalty-repaired"), id("penalty-revoked"), id("licence-authorised"), id("licence-government"), id("penalty-ended"),
                id("licence-not-yet-published"), id("honour"), id("tax-grade"), id("penalty-of-a-person"));
    }

    /**
     * Public, listed administrative actions inside their publication window, including its first and
     * last day; not repaired, revoked, non-public, ended or not yet begun ones, other categories or
     * natural persons' records.
     */
    @Test
    void shouldListOnlyDisclosedAdministrativeActionsOfTheDepartmentNewestFirst() {
        assertEquals(disclosedNewestFirst(), ids(walk("department=" + DEPARTMENT, 100)));
    }

    /** Each page continues strictly after the one before, the last one has no cursor, also when it is full. */
    @Test
    void shouldVisitEveryDisclosureOnceWhenWalkingPageByPage() {
        List<List<Map<String, Object>>> byOne = walk("department=" + DEPARTMENT, 1);
        assertEquals(Collections.nCopies(8, 1), sizes(byOne));
        assertEquals(disclosedNewestFirst(), ids(byOne));
        List<List<Map<String, Object>>> byThree = walk("department=" + DEPARTMENT, 3);
        assertEquals(List.of(3, 3, 2), sizes(byThree));
        assertEquals(disclosedNewestFirst(), ids(byThree));
        List<List<Map<String, Object>>> byFour = walk("department=" + DEPARTMENT, 4);
        assertEquals(List.of(4, 4), sizes(byFour));
        assertEquals(disclosedNewestFirst(), ids(byFour));
    }

    @Test
    void shouldMarkDisputedRecordsAndNameTheirSubject() {
        asApp().queryParam("department", DEPARTMENT).queryParam("category", "penalty").when().get(DISCLOSURES)
                .then().statusCode(200)
                .body("items.record.id", equalTo(List.of(id("penalty-disputed"), id("penalty-corrected"), id("penalty-ends-today"))))
                .body("items.record.disputed", equalTo(List.of(true, false, false)))
                .body("items.record.status", equalTo(List.of("disputed", "corrected", "published")))
                .body("items[2].record.publishedUntil", equalTo(TODAY.toString()))
                .body("items[0].subject.uscc", equalTo(SUBJECT))
                .body("items[0].subject.name", equalTo("石河子公示测试有限公司"))
                .body("items[0].subject.regionCode", equalTo("659001"))
                .body("items[0].record.sourceDepartment.uscc", equalTo(DEPARTMENT))
                .body("items[0].record.amount.amount", equalTo("800.00"));
    }

    @Test
    void shouldFilterByCategoryRegionAndDecisionDates() {
        String department = "department=" + DEPARTMENT;
        assertEquals(List.of(id("licence-b"), id("licence-a"), id("licence-starts-today")), ids(walk(department + "&category=LICENCE", 100)));
        assertEquals(List.of(id("inspection")), ids(walk(department + "&category=inspection", 100)));
        assertEquals(List.of(id("penalty-disputed"), id("penalty-corrected"), id("penalty-ends-today")),
                ids(walk(department + "&category=penalty", 100)));
        assertEquals(List.of(), ids(walk(department + "&category=levy", 100)));
        assertEquals(List.of(id("licence-b"), id("licence-a"), id("penalty-corrected")),
                ids(walk(department + "&from=" + TODAY.minusDays(40) + "&to=" + TODAY.minusDays(30), 100)));
        assertEquals(List.of(id("licence-b"), id("licence-a")), ids(walk(department + "&from=" + TODAY.minusDays(30) + "&to=" + TODAY.minusDays(30), 100)));
        assertEquals(List.of(id("penalty-disputed"), id("licence-b"), id("licence-a")), ids(walk(department + "&from=" + TODAY.minusDays(30), 100)));
        assertEquals(List.of(id("reward"), id("licence-starts-today")), ids(walk(department + "&to=" + TODAY.minusDays(60), 100)));
        assertEquals(List.of(id("penalty-corrected")),
                ids(walk(department + "&category=penalty&from=" + TODAY.minusDays(50) + "&to=" + TODAY.minusDays(21), 100)));
        for (String region : List.of("65", "6590", "659001", " ６５９００１ ")) {
            assertEquals(disclosedNewestFirst(), ids(walk(department + "&region=" + URLEncoder.encode(region, StandardCharsets.UTF_8)
                    .replace("+", "%20"), 100)), region);
        }
        assertEquals(List.of(), ids(walk(department + "&region=41", 100)));
        assertEquals(List.of(), ids(walk(department + "&region=659002", 100)));
        assertEquals(List.of(id("other-department")), ids(walk("department=" + OTHER_DEPARTMENT, 100)));
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

    /**
     * The whole listing, unfiltered: the department's disclosed rows each once, in their order among
     * the seed's, none of its withheld ones, and every item a disclosed administrative action, newest
     * decision first with no repeats.
     */
    @Test
    void shouldListEveryDisclosedRowOnceAndNoOtherInTheWholeListing() {
        List<Map<String, Object>> all = walk("", 100).stream().flatMap(List::stream).toList();
        List<String> listed = ids(List.of(all));
        assertTrue(listed.size() > 500, "the seed's disclosures are listed too: " + listed.size());
        assertEquals(disclosedNewestFirst(), listed.stream().filter(disclosedNewestFirst()::contains).toList());
        assertEquals(List.of(), listed.stream().filter(withheld()::contains).toList());
        assertEquals(listed.size(), new HashSet<>(listed).size(), "no item is listed twice");
        Map<String, Object> previous = null;
        for (Map<String, Object> item : all) {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = (Map<String, Object>) item.get("record");
            assertTrue(ADMINISTRATIVE.contains((String) record.get("category")), record.toString());
            assertTrue(Set.of("published", "disputed", "corrected").contains((String) record.get("status")), record.toString());
            assertFalse(LocalDate.parse((String) record.get("publishedFrom")).isAfter(TODAY), record.toString());
            assertTrue(record.get("publishedUntil") == null || !LocalDate.parse((String) record.get("publishedUntil")).isBefore(TODAY), record.toString());
            assertNotNull(((Map<?, ?>) item.get("subject")).get("uscc"), item.toString());
            if (previous != null) {
                assertTrue(DECISION_ORDER.compare(previous, record) > 0, record + " follows " + previous);
            }
            previous = record;
        }
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

    /** Every page of the anonymous listing with these filters, following nextCursor until it is null. */
    private static List<List<Map<String, Object>>> walk(String query, int limit) {
        List<List<Map<String, Object>>> pages = new ArrayList<>();
        String cursor = null;
        do {
            String url = DISCLOSURES + "?limit=" + limit + (query.isEmpty() ? "" : "&" + query) + (cursor == null ? "" : "&cursor=" + cursor);
            Response response = given().urlEncodingEnabled(false).when().get(url);
            response.then().statusCode(200);
            List<Map<String, Object>> items = response.path("items");
            cursor = response.path("nextCursor");
            assertTrue(cursor == null || items.size() == limit, "only the last page is short");
            assertTrue(pages.size() < 1000, "the walk ends");
            pages.add(items);
        } while (cursor != null);
        return pages;
    }

    private static List<String> ids(List<List<Map<String, Object>>> pages) {
        return pages.stream().flatMap(List::stream).map(item -> (String) ((Map<?, ?>) item.get("record")).get("id")).toList();
    }

    private static List<Integer> sizes(List<List<Map<String, Object>>> pages) {
        return pages.stream().map(List::size).toList();
    }

    private String id(String sourceRecordId) {
        return Long.toString(ids.get(sourceRecordId));
    }

    /** Inserts the subject by its natural key, or finds it, and answers its id. */
    private static long subject(Connection connection, String upsert, String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(upsert)) {
            insert.setString(1, key);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    /** A record published from its decision date. */
    private void record(Connection connection, long subject, String sourceId, String category, LocalDate decided, String level, String status,
            LocalDate until, String department) throws SQLException {
        record(connection, subject, sourceId, category, decided, decided, level, status, until, department);
    }

    private void record(Connection connection, long subject, String sourceId, String category, LocalDate decided, LocalDate from, String level,
            String status, LocalDate until, String department) throws SQLException {
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
            upsert.setObject(12, from);
            upsert.setObject(13, until);
            upsert.setString(14, status);
            try (ResultSet id = upsert.executeQuery()) {
                id.next();
                ids.put(sourceId, id.getLong(1));
            }
        }
    }
}
