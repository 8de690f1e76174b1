package cn.opencredit.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/** Every bulk read by a consumer, in the operations log before it is answered, and readable by supervisors. */
@QuarkusTest
class OperationLogTests {

    private static final String LOG = "/api/v1/admin/operations-log";

    private final AccessFixtures access;
    private final SubjectFixtures subjects;
    private final AgroalDataSource dataSource;

    OperationLogTests(AccessFixtures access, SubjectFixtures subjects, AgroalDataSource dataSource) {
        this.access = access;
        this.subjects = subjects;
        this.dataSource = dataSource;
    }

    @BeforeEach
    void fixtures() {
        subjects.ensureLoaded();
    }

    @Test
    void shouldLogEveryKindOfBulkReadWithItsFiltersAndItemsBeforeAnswering() throws SQLException {
        String agency = access.key(ConsumerType.CREDIT_AGENCY);
        Map<String, String> reads = Map.of(
                "/api/v1/subjects?q=农业&limit=3", "subject.search",
                "/api/v1/lists/black/entries?limit=2", "list.entries",
                "/api/v1/disclosures?category=penalty&limit=4", "disclosure.list",
                "/api/v1/changes?limit=5", "changefeed.read",
                "/api/v1/stats/disclosures", "stats.disclosures");
        for (var read : reads.entrySet()) {
            String requestId = "ops-" + UUID.randomUUID();
            int answered = JsonPath.from(given().header("Authorization", AccessFixtures.bearer(agency)).header("X-Request-Id", requestId)
                    .when().get(read.getKey()).then().statusCode(200).extract().asString()).getList(
                            read.getValue().equals("stats.disclosures") ? "departments" : "items").size();
            Row row = row(requestId);
            assertEquals(read.getValue(), row.operation(), read.getKey());
            assertEquals(access.id(ConsumerType.CREDIT_AGENCY), row.consumerId());
            assertEquals("CREDIT_AGENCY", row.consumerType());
            assertEquals(200, row.outcome());
            if (!read.getValue().equals("stats.disclosures")) {
                assertEquals(answered, row.items(), read.getKey() + " answered " + answered + " items");
            }
        }
        Row search = rowOf("subject.search", access.id(ConsumerType.CREDIT_AGENCY));
        assertEquals("{\"q\": \"农业\", \"limit\": \"3\"}", search.filters(), "jsonb orders keys by length");
        Row list = rowOf("list.entries", access.id(ConsumerType.CREDIT_AGENCY));
        assertEquals("{\"type\": \"black\", \"limit\": \"2\"}", list.filters());
    }

    @Test
    void shouldLogAnonymousSearchesAndRefusedOnesWithoutItems() throws SQLException {
        String anonymous = "ops-" + UUID.randomUUID();
        given().header("X-Request-Id", anonymous).when().get("/api/v1/subjects?q=公司&limit=1").then().statusCode(200);
        Row row = row(anonymous);
        assertNull(row.consumerId());
        assertEquals("ANONYMOUS", row.consumerType());

        String refused = "ops-" + UUID.randomUUID();
        given().header("X-Request-Id", refused).queryParam("q", "a\u0000b").queryParam("limit", 1).when().get("/api/v1/subjects").then().statusCode(400)
                .body("errors.code", hasItem("control-character"));
        Row bad = row(refused);
        assertEquals(400, bad.outcome());
        assertNull(bad.items());
        assertEquals("{\"q\": \"a\uFFFDb\", \"limit\": \"1\"}", bad.filters(), "logged as sent, the control character replaced");
    }

    @Test
    void shouldLetSupervisorsPageThroughTheLogByConsumerAndNobodyElse() {
        String agency = access.key(ConsumerType.CREDIT_AGENCY);
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", AccessFixtures.bearer(agency)).when().get("/api/v1/lists/red/entries?limit=1").then().statusCode(200);
        }
        String consumer = access.id(ConsumerType.CREDIT_AGENCY);
        JsonPath first = JsonPath.from(given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY))
                .queryParam("consumer", consumer).queryParam("operation", "list.entries").queryParam("limit", 2)
                .when().get(LOG).then().statusCode(200)
                .body("items.consumerId", everyItem(equalTo(consumer)))
                .body("items.operation", everyItem(equalTo("list.entries")))
                .body("items.consumerType", everyItem(equalTo("credit-agency")))
                .extract().asString());
        List<String> firstIds = first.getList("items.id");
        assertEquals(2, firstIds.size());
        String next = first.getString("nextCursor");
        JsonPath second = JsonPath.from(given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY))
                .queryParam("consumer", consumer).queryParam("operation", "list.entries").queryParam("limit", 2).queryParam("cursor", next)
                .when().get(LOG).then().statusCode(200).extract().asString());
        assertTrue(second.getList("items.id").size() >= 1);
        assertTrue(second.getList("items.id").stream().noneMatch(firstIds::contains), "the cursor moves on");
        assertNotEquals(firstIds.getFirst(), second.getList("items.id").getFirst());

        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).queryParam("consumer", consumer)
                .queryParam("cursor", next).when().get(LOG).then().statusCode(400).body("errors.field", hasItem("cursor"));
        for (ConsumerType type : List.of(ConsumerType.APP, ConsumerType.BANK, ConsumerType.CREDIT_AGENCY, ConsumerType.DEPARTMENT,
                ConsumerType.SUBJECT)) {
            given().header("Authorization", AccessFixtures.bearer(access.key(type))).when().get(LOG).then().statusCode(403);
        }
        given().when().get(LOG).then().statusCode(401);
    }

    @Test
    void shouldNameEveryBadFilter() {
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY))
                .queryParam("consumer", "nobody").queryParam("from", "2026-13-01").queryParam("to", "+999999999-12-31")
                .when().get(LOG).then().statusCode(400)
                .body("type", equalTo("https://api.opencredit.cn/problems/invalid-parameter"))
                .body("errors.field", hasItem("consumer"))
                .body("errors.field", hasItem("from"))
                .body("errors.field", hasItem("to"));
    }

    private record Row(String consumerId, String consumerType, String operation, String filters, Integer items, int outcome) {
    }

    private Row row(String requestId) throws SQLException {
        return select("SELECT * FROM audit_operation_log WHERE request_id = ?", requestId);
    }

    private Row rowOf(String operation, String consumer) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT * FROM audit_operation_log WHERE operation = ? AND consumer_id = ?::uuid ORDER BY occurred_at DESC, id DESC LIMIT 1""")) {
            select.setString(1, operation);
            select.setString(2, consumer);
            return read(select);
        }
    }

    private Row select(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            return read(select);
        }
    }

    private static Row read(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            assertTrue(row.next(), "the row is committed before the answer");
            Object items = row.getObject("items");
            return new Row(row.getString("consumer_id"), row.getString("consumer_type"), row.getString("operation"), row.getString("filters"),
                    items == null ? null : ((Number) items).intValue(), row.getInt("outcome"));
        }
    }
}
