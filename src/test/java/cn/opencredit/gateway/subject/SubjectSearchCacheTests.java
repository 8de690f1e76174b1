package cn.opencredit.gateway.subject;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import cn.opencredit.gateway.testing.HeldLock;

/**
 * Search pages come from this replica's memory while no searchable subject has changed since they
 * were read (SubjectSearchCache, V053); every change made in SQL, outside the application, must show
 * in the very next answer.
 */
@QuarkusTest
class SubjectSearchCacheTests {

    private final SubjectFixtures fixtures;
    private final AgroalDataSource dataSource;

    @TestHTTPResource("/api/v1/subjects")
    URL subjects;

    SubjectSearchCacheTests(SubjectFixtures fixtures, AgroalDataSource dataSource) {
        this.fixtures = fixtures;
        this.dataSource = dataSource;
    }

    @BeforeEach
    void loadFixtures() {
        fixtures.ensureLoaded();
    }

    @Test
    void shouldAnswerAStatusTypeOrRegionChangeAtOnceAfterThePageWasServed() throws SQLException {
        String uscc = SubjectFixtures.uscc("91", "MA9W0001");
        fixtures.register(uscc, "石河子驼铃商贸有限公司");
        search("驼铃", null).then().statusCode(200).body("items.uscc", contains(uscc)).body("items.status", contains("active"));
        search("驼铃", "enterprise").then().statusCode(200).body("items.uscc", contains(uscc));
        try (Connection connection = dataSource.getConnection()) {
            try {
                update(connection, "UPDATE subject SET status = 'REVOKED' WHERE uscc = ?", uscc);
                search("驼铃", null).then().statusCode(200).body("items.status", contains("revoked"));

                update(connection, "UPDATE subject SET subject_type = 'OTHER_ORGANISATION' WHERE uscc = ?", uscc);
                search("驼铃", "enterprise").then().statusCode(200).body("items", empty());

                update(connection, "UPDATE subject SET region_code = '650102' WHERE uscc = ?", uscc);
                given().queryParam("q", "驼铃").queryParam("region", SubjectFixtures.REGION).when().get("/api/v1/subjects")
                        .then().statusCode(200).body("items", empty());
            } finally {
                update(connection, "UPDATE subject SET status = 'ACTIVE', subject_type = 'ENTERPRISE', region_code = '"
                        + SubjectFixtures.REGION + "' WHERE uscc = ?", uscc);
            }
        }
        search("驼铃", "enterprise").then().statusCode(200).body("items.uscc", contains(uscc)).body("items.status", contains("active"));
    }

    @Test
    void shouldNotKeepServingAPageReadWhileASubjectWasBeingRegistered() throws SQLException {
        String uscc = SubjectFixtures.uscc("91", "MA9W0002");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            update(connection, """
                    INSERT INTO subject (uscc, name, subject_type, region_code) VALUES (?, '石河子雁鸣农业有限公司', 'ENTERPRISE', '659001')""", uscc);
            search("雁鸣", null).then().statusCode(200).body("items", empty());
            connection.commit();
        }
        search("雁鸣", null).then().statusCode(200).body("items.uscc", contains(uscc));
    }

    @Test
    void shouldRaiseTheGenerationOnlyForChangesASearchCanSee() throws SQLException {
        String uscc = SubjectFixtures.uscc("91", "MA9W0003");
        fixtures.register(uscc, "石河子鹤影文化有限公司");
        try (Connection connection = dataSource.getConnection()) {
            long before = generation(connection);
            update(connection, "UPDATE subject SET address = '新疆石河子市北四路2号' WHERE uscc = ?", uscc);
            assertEquals(before, generation(connection), "an address is in no search answer");
            update(connection, "UPDATE subject SET name = '石河子鹤影传媒有限公司' WHERE uscc = ?", uscc);
            assertTrue(generation(connection) > before, "a rename changes what a search finds");
        }
    }

    @Test
    void shouldServeAKeptPageAsTheSameJsonItWasFirstAnsweredWith() {
        String first = SubjectFixtures.uscc("91", "MA9W0004");
        String second = SubjectFixtures.uscc("91", "MA9W0005");
        fixtures.register(first, "石河子松涛商贸有限公司");
        fixtures.register(second, "石河子松涛物流有限公司");
        Response read = given().queryParam("q", "松涛").queryParam("limit", "1").when().get("/api/v1/subjects");
        read.then().statusCode(200).contentType(startsWith("application/json")).body("items.uscc", contains(first))
                .body("nextCursor", notNullValue());
        Response kept = given().queryParam("q", "松涛").queryParam("limit", "1").when().get("/api/v1/subjects");
        kept.then().statusCode(200).contentType(startsWith("application/json"))
                .header("Content-Length", String.valueOf(read.asByteArray().length));
        assertArrayEquals(read.asByteArray(), kept.asByteArray(), "a kept page is sent as the bytes it was first written as");
        given().queryParam("q", "松涛").queryParam("limit", "1").queryParam("cursor", kept.path("nextCursor").toString())
                .when().get("/api/v1/subjects").then().statusCode(200).body("items.uscc", contains(second)).body("nextCursor", nullValue());
    }

    @Test
    void shouldShowARegistrationToEverySearchSentAfterItsCommitWhileManySearchesRun() throws Exception {
        String uscc = SubjectFixtures.uscc("91", "MA9W0006");
        URI uri = URI.create(subjects + "?q=" + URLEncoder.encode("鹭鸣", StandardCharsets.UTF_8) + "&limit=5");
        AtomicLong committedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        List<String> stale = new CopyOnWriteArrayList<>();
        ExecutorService searchers = Executors.newFixedThreadPool(8);
        try (HttpClient client = HttpClient.newHttpClient()) {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                loops.add(searchers.submit(() -> {
                    while (running.get()) {
                        long sentAt = System.nanoTime();
                        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, answer.statusCode(), answer.body());
                        boolean found = answer.body().contains(uscc);
                        if (sentAt > committedAt.get()) {
                            after.incrementAndGet();
                            if (!found) {
                                stale.add(answer.body());
                            }
                        } else if (!found) {
                            before.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(500);
            try (Connection connection = dataSource.getConnection()) {
                update(connection, """
                        INSERT INTO subject (uscc, name, subject_type, region_code) VALUES (?, '石河子鹭鸣商贸有限公司', 'ENTERPRISE', '659001')""", uscc);
            }
            committedAt.set(System.nanoTime());
            Thread.sleep(700);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
        } finally {
            searchers.shutdownNow();
        }
        assertTrue(before.get() > 0 && after.get() > 0, before + " searches before the commit, " + after + " after");
        assertEquals(List.of(), stale, "searches sent after the commit that did not find the subject, of " + after);
    }

    @Test
    void shouldGiveUpAGenerationReadThatHangsWithoutHoldingTheSearchesBehindIt() throws Exception {
        CompletableFuture<Response> stuck;
        CompletableFuture<Response> behind;
        try (HeldLock lock = HeldLock.take(dataSource, "LOCK TABLE subject_search_generation IN ACCESS EXCLUSIVE MODE")) {
            stuck = CompletableFuture.supplyAsync(() -> search("驼铃", null));
            lock.awaitWaiters(1, List.of(stuck));
            // Arrives while the first read is in flight, so it waits for the read after it.
            behind = CompletableFuture.supplyAsync(() -> search("雁鸣", null));
            Response first = stuck.get(30, TimeUnit.SECONDS);
            assertEquals(503, first.statusCode(), first.asString());
            first.then().contentType("application/problem+json").header("Retry-After", "1");
        }
        behind.get(30, TimeUnit.SECONDS).then().statusCode(200);
    }

    private static Response search(String q, String type) {
        var request = given().queryParam("q", q).queryParam("limit", "5");
        if (type != null) {
            request.queryParam("type", type);
        }
        return request.when().get("/api/v1/subjects");
    }

    private static long generation(Connection connection) throws SQLException {
        try (var rows = connection.createStatement().executeQuery("SELECT sum(changes) FROM subject_search_generation")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void update(Connection connection, String sql, String uscc) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, uscc);
            statement.executeUpdate();
        }
    }
}
