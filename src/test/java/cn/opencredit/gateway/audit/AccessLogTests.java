package cn.opencredit.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.HeldLock;

@QuarkusTest
class AccessLogTests {

    private final AccessFixtures access;
    private final SubjectFixtures subjects;
    private final AgroalDataSource dataSource;

    AccessLogTests(AccessFixtures access, SubjectFixtures subjects, AgroalDataSource dataSource) {
        this.access = access;
        this.subjects = subjects;
        this.dataSource = dataSource;
    }

    @BeforeEach
    void fixtures() {
        subjects.ensureLoaded();
    }

    @Test
    void shouldLogReadBeforeAnsweringAndShowItToTheSubject() throws SQLException {
        String requestId = "audit-" + UUID.randomUUID();
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.BANK)))
                .header("X-Purpose", "loan-application").header("X-Request-Id", requestId)
                .when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH)
                .then().statusCode(200).header("X-Request-Id", requestId);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT consumer_id, consumer_type, key_id, subject_uscc, operation, purpose, outcome
                        FROM audit_access_log WHERE request_id = ?""")) {
            select.setString(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "the row is committed before the answer");
                assertEquals(access.id(ConsumerType.BANK), row.getString("consumer_id"));
                assertEquals("BANK", row.getString("consumer_type"));
                assertEquals(SubjectFixtures.RICH, row.getString("subject_uscc"));
                assertEquals("subject.profile", row.getString("operation"));
                assertEquals("loan-application", row.getString("purpose"));
                assertEquals(200, row.getInt("outcome"));
                org.junit.jupiter.api.Assertions.assertNotNull(row.getString("key_id"));
            }
        }
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.SUBJECT)))
                .queryParam("limit", "100")
                .when().get("/api/v1/subjects/{uscc}/access-log", SubjectFixtures.RICH)
                .then().statusCode(200)
                .body("items.find { it.purpose == 'loan-application' }.consumerName", equalTo("bank fixture"))
                .body("items.find { it.purpose == 'loan-application' }.consumerType", equalTo("bank"))
                .body("items.find { it.purpose == 'loan-application' }.operation", equalTo("subject.profile"));
    }

    /**
     * Many reads at once share commits and resume on every event loop: each is answered with its own
     * request id and its own body, and each has its row.
     */
    @Test
    void shouldAnswerConcurrentReadsEachAfterItsOwnRowIsCommitted() throws Exception {
        String prefix = "together-" + UUID.randomUUID() + "-";
        ExecutorService callers = Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 96; i++) {
                String requestId = prefix + i;
                String uscc = i % 2 == 0 ? SubjectFixtures.RICH : SubjectFixtures.BARE;
                answers.add(CompletableFuture.supplyAsync(() -> given().header("X-Request-Id", requestId)
                        .when().get("/api/v1/subjects/{uscc}", uscc), callers));
            }
            for (int i = 0; i < answers.size(); i++) {
                Response answer = answers.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(200, answer.statusCode(), answer.asString());
                assertEquals(prefix + i, answer.header("X-Request-Id"));
                assertEquals(i % 2 == 0 ? SubjectFixtures.RICH : SubjectFixtures.BARE, answer.path("uscc"));
            }
        } finally {
            callers.shutdownNow();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT count(*), count(DISTINCT request_id), count(*) FILTER (WHERE outcome = 200)
                        FROM audit_access_log WHERE request_id LIKE ?""")) {
            select.setString(1, prefix + "%");
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertEquals(96, row.getInt(1));
                assertEquals(96, row.getInt(2));
                assertEquals(96, row.getInt(3));
            }
        }
    }

    @Test
    void shouldLogAnonymousReadsAndUnknownSubjectsButNotInvalidCodes() throws SQLException {
        String anonymous = "anon-" + UUID.randomUUID();
        given().header("X-Request-Id", anonymous).when().get("/api/v1/subjects/{uscc}", SubjectFixtures.BARE).then().statusCode(200);
        assertEquals("ANONYMOUS", single(anonymous, "consumer_type"));
        String unknown = "unknown-" + UUID.randomUUID();
        given().header("X-Request-Id", unknown).when().get("/api/v1/subjects/{uscc}", SubjectFixtures.UNREGISTERED).then().statusCode(404);
        assertEquals("404", single(unknown, "outcome"));
        String invalid = "invalid-" + UUID.randomUUID();
        given().header("X-Request-Id", invalid).when().get("/api/v1/subjects/{uscc}", "914403001922038217").then().statusCode(400);
        assertEquals(null, single(invalid, "outcome"));
    }

    /**
     * Six reads of a subject no other test reads, walked in pages of three and of four: every read
     * once, newest first, each page continuing strictly after the last item of the one before, and
     * no cursor on the last page, also when it is full.
     */
    @Test
    void shouldWalkTheLogNewestFirstWithoutOverlapOrGap() {
        String subject = SubjectFixtures.uscc("91", "MAAL0001");
        subjects.register(subject, "石河子查询记录分页测试有限公司");
        String agency = AccessFixtures.bearer(access.key(ConsumerType.CREDIT_AGENCY));
        for (int i = 0; i < 6; i++) {
            given().header("Authorization", agency).header("X-Purpose", "read-" + i)
                    .when().get("/api/v1/subjects/{uscc}/records", subject).then().statusCode(200);
        }
        List<String> newestFirst = List.of("read-5", "read-4", "read-3", "read-2", "read-1", "read-0");

        List<List<Map<String, Object>>> byThree = walk(subject, 3);
        assertEquals(List.of(3, 3), byThree.stream().map(List::size).toList());
        assertEquals(newestFirst, purposes(byThree));
        assertStrictlyDescending(byThree);

        List<List<Map<String, Object>>> byFour = walk(subject, 4);
        assertEquals(List.of(4, 2), byFour.stream().map(List::size).toList());
        assertEquals(newestFirst, purposes(byFour));
        assertEquals(ids(byThree), ids(byFour));
    }

    /** Rows logged at the same instant are told apart by their id: a keyset on the time alone would skip or repeat them. */
    @Test
    void shouldPageThroughRowsLoggedAtTheSameInstantByTheirIds() throws SQLException {
        String subject = SubjectFixtures.uscc("91", "MAAL0002");
        OffsetDateTime sameInstant = OffsetDateTime.now().minusMinutes(5).truncatedTo(ChronoUnit.MILLIS);
        List<String> inserted = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO audit_access_log (occurred_at, consumer_name, consumer_type, subject_uscc, operation, purpose, outcome,
                                                      request_id)
                        VALUES (?, 'same instant', 'BANK', ?, 'subject.profile', ?, 200, ?) RETURNING id""")) {
            for (int i = 0; i < 5; i++) {
                insert.setObject(1, sameInstant);
                insert.setString(2, subject);
                insert.setString(3, "tie-" + i);
                insert.setString(4, "tie-" + UUID.randomUUID());
                try (ResultSet id = insert.executeQuery()) {
                    id.next();
                    inserted.add(Long.toString(id.getLong(1)));
                }
            }
        }
        List<List<Map<String, Object>>> pages = walk(subject, 2);
        assertEquals(List.of(2, 2, 1), pages.stream().map(List::size).toList());
        assertEquals(inserted.reversed(), ids(pages));
        assertStrictlyDescending(pages);
    }

    @Test
    void shouldRefuseToChangeOrDeleteLogRows() throws SQLException {
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH).then().statusCode(200);
        try (Connection connection = dataSource.getConnection()) {
            assertThrows(SQLException.class, () -> connection.createStatement().executeUpdate("UPDATE audit_access_log SET outcome = 500"));
            assertThrows(SQLException.class, () -> connection.createStatement().executeUpdate("DELETE FROM audit_access_log"));
        }
    }

    /**
     * The profile was read, but the connection writing its log entry is lost (a failover, a cut
     * network): the caller gets a 503 to retry, not the profile, and the log holds no row that
     * would claim the read was answered. The next read is served and logged again.
     */
    @Test
    void shouldAnswer503WithoutTheProfileWhenItsAccessLogEntryCannotBeWritten() throws Exception {
        String requestId = "unlogged-" + UUID.randomUUID();
        Response answer = whileTheLogWriteFails("audit_access_log",
                () -> given().header("X-Request-Id", requestId).when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH));

        assertUnloggedProblem(answer, requestId, "/api/v1/subjects/" + SubjectFixtures.RICH);
        assertFalse(answer.asString().contains("石河子恒通物流有限公司"), answer.asString());
        assertNull(single(requestId, "outcome"));

        String retry = "retried-" + UUID.randomUUID();
        given().header("X-Request-Id", retry).when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH)
                .then().statusCode(200).body("name", equalTo("石河子恒通物流有限公司"));
        assertEquals("200", single(retry, "outcome"));
    }

    /** The portal's page about a subject the same way, refused as a page in Chinese rather than as a problem. */
    @Test
    void shouldAnswerTheUnavailablePageWithoutTheSubjectWhenThePortalPagesEntryCannotBeWritten() throws Exception {
        Response answer = whileTheLogWriteFails("audit_access_log",
                () -> given().accept("text/html").when().get("/subjects/{uscc}", SubjectFixtures.RICH));

        answer.then().statusCode(503).contentType(org.hamcrest.Matchers.startsWith("text/html")).header("Cache-Control", "no-store");
        assertTrue(answer.asString().contains("服务暂时不可用"), answer.asString());
        assertFalse(answer.asString().contains("石河子恒通物流有限公司"), answer.asString());
    }

    /** The same for a bulk read, whose entry goes to the operations log. */
    @Test
    void shouldAnswer503WithoutTheItemsWhenTheOperationsLogEntryCannotBeWritten() throws Exception {
        String requestId = "unlogged-bulk-" + UUID.randomUUID();
        Response answer = whileTheLogWriteFails("audit_operation_log", () -> given().header("X-Request-Id", requestId)
                .queryParam("department", SubjectFixtures.DEPARTMENT_USCC).queryParam("limit", "5").when().get("/api/v1/disclosures"));

        assertUnloggedProblem(answer, requestId, "/api/v1/disclosures");
        assertNull(answer.path("items"));
        assertFalse(answer.asString().contains(SubjectFixtures.RICH), answer.asString());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM audit_operation_log WHERE request_id = ?")) {
            select.setString(1, requestId);
            try (ResultSet count = select.executeQuery()) {
                count.next();
                assertEquals(0, count.getLong(1));
            }
        }
    }

    /** Every page of the subject's access log as the operator reads it, following nextCursor until it is null. */
    private static List<List<Map<String, Object>>> walk(String subject, int limit) {
        String operator = AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY);
        List<List<Map<String, Object>>> pages = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().header("Authorization", operator).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/v1/subjects/{uscc}/access-log", subject);
            page.then().statusCode(200);
            List<Map<String, Object>> items = page.path("items");
            cursor = page.path("nextCursor");
            assertFalse(items.isEmpty(), "a page with a cursor before it has items");
            pages.add(items);
            assertTrue(pages.size() <= 10, "the walk ends");
        } while (cursor != null);
        return pages;
    }

    /** Each item, across page boundaries, is strictly older than the one before it: (occurredAt, id) descending. */
    private static void assertStrictlyDescending(List<List<Map<String, Object>>> pages) {
        Map<String, Object> previous = null;
        for (Map<String, Object> item : pages.stream().flatMap(List::stream).toList()) {
            if (previous != null) {
                int time = instant(item).compareTo(instant(previous));
                assertTrue(time < 0 || time == 0 && Long.parseLong((String) item.get("id")) < Long.parseLong((String) previous.get("id")),
                        item + " follows " + previous);
            }
            previous = item;
        }
    }

    private static Instant instant(Map<String, Object> item) {
        return OffsetDateTime.parse((String) item.get("occurredAt")).toInstant();
    }

    private static List<String> purposes(List<List<Map<String, Object>>> pages) {
        return pages.stream().flatMap(List::stream).map(item -> (String) item.get("purpose")).toList();
    }

    private static List<String> ids(List<List<Map<String, Object>>> pages) {
        return pages.stream().flatMap(List::stream).map(item -> (String) item.get("id")).toList();
    }

    private static void assertUnloggedProblem(Response answer, String requestId, String instance) {
        answer.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1")
                .header("Cache-Control", "no-store")
                // The validator and cache state of the data that was withheld are not the problem's.
                .header("ETag", nullValue())
                .header("X-Cache", nullValue())
                .body("type", equalTo("https://api.opencredit.cn/problems/service-unavailable"))
                .body("detail", equalTo("The access could not be logged, so no data was returned; retry later"))
                .body("instance", equalTo(instance))
                .body("requestId", equalTo(requestId));
        assertEquals(Set.of("type", "title", "status", "detail", "instance", "requestId"), answer.jsonPath().getMap("$").keySet());
    }

    /**
     * Sends the request while {@code table} is locked, waits until the gateway's log write queues
     * behind the lock (the resource has answered by then: the filter writes after it), and ends
     * that database connection as a failover would, so the write fails.
     */
    private Response whileTheLogWriteFails(String table, Supplier<Response> request) throws Exception {
        try (HeldLock lock = HeldLock.take(dataSource, "LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE")) {
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(request);
            lock.terminate(lock.awaitWaiters(1, List.of(answer)).getFirst());
            return answer.get(30, TimeUnit.SECONDS);
        }
    }

    private String single(String requestId, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + column + " FROM audit_access_log WHERE request_id = ?")) {
            select.setString(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
