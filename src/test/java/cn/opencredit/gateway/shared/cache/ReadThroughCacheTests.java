package cn.opencredit.gateway.shared.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

@QuarkusTest
class ReadThroughCacheTests {

    private static final String CACHED_SUBJECT = SubjectFixtures.uscc("91", "MA0C0001");

    private final SubjectFixtures fixtures;
    private final AccessFixtures access;
    private final AgroalDataSource dataSource;
    private final SubjectDataVersions versions;
    private final RedisDataSource redis;
    private final MeterRegistry meters;

    ReadThroughCacheTests(SubjectFixtures fixtures, AccessFixtures access, AgroalDataSource dataSource, SubjectDataVersions versions,
            RedisDataSource redis, MeterRegistry meters) {
        this.fixtures = fixtures;
        this.access = access;
        this.dataSource = dataSource;
        this.versions = versions;
        this.redis = redis;
        this.meters = meters;
    }

    @BeforeEach
    void subject() throws SQLException {
        fixtures.ensureLoaded();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO subject (uscc, name, subject_type, region_code, status) VALUES (?, '天山缓存测试有限公司', 'ENTERPRISE', ?, 'ACTIVE')
                        ON CONFLICT (uscc) DO NOTHING""")) {
            insert.setString(1, CACHED_SUBJECT);
            insert.setString(2, SubjectFixtures.REGION);
            insert.executeUpdate();
        }
    }

    @Test
    void shouldServeSecondReadFromCacheWithTheSameEtagAnd304() {
        versions.subjectChanged(SubjectFixtures.RICH).await().atMost(Duration.ofSeconds(2));
        ExtractableResponse<Response> first = given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH)
                .then().statusCode(200).header("X-Cache", "MISS").extract();
        String etag = first.header("ETag");
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH)
                .then().statusCode(200).header("X-Cache", "HIT").header("ETag", etag)
                .body("uscc", equalTo(SubjectFixtures.RICH));
        assertEquals(first.asString(), given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH).asString());
        given().header("If-None-Match", etag).when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH)
                .then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", "W/" + etag + ", \"other\"").when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH)
                .then().statusCode(304);
        given().header("If-None-Match", "\"other\"").when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH)
                .then().statusCode(200);
    }

    @Test
    void shouldShowANewRecordAtOnceWhenTheSubjectVersionIsBumped() throws SQLException {
        given().when().get("/api/v1/subjects/{uscc}", CACHED_SUBJECT).then().statusCode(200);
        given().when().get("/api/v1/subjects/{uscc}", CACHED_SUBJECT).then().statusCode(200).header("X-Cache", "HIT")
                .body("latestRecords.title", not(hasItem("cache invalidation record")));
        insertRecord(CACHED_SUBJECT, "cache invalidation record");
        versions.subjectChanged(CACHED_SUBJECT).await().atMost(Duration.ofSeconds(2));
        given().when().get("/api/v1/subjects/{uscc}", CACHED_SUBJECT).then().statusCode(200).header("X-Cache", "MISS")
                .body("latestRecords.title", hasItem("cache invalidation record"));
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.BANK)))
                .when().get("/api/v1/subjects/{uscc}/records", CACHED_SUBJECT).then().statusCode(200)
                .body("items.title", hasItem("cache invalidation record"));
    }

    @Test
    void shouldCacheUnknownSubjectsBriefly() {
        String unknown = SubjectFixtures.uscc("91", "MA0C0999");
        double before = hits();
        given().when().get("/api/v1/subjects/{uscc}", unknown).then().statusCode(404);
        given().when().get("/api/v1/subjects/{uscc}", unknown).then().statusCode(404)
                .body("type", equalTo("https://api.opencredit.cn/problems/subject-not-found"));
        assertTrue(hits() > before, "the second 404 came from the cache");
        long ttl = redis.key().pttl("cache:{" + unknown + "}:profile:public");
        assertTrue(ttl > 0 && ttl <= 60_000, "negative answers live at most a minute, not " + ttl);
    }

    @Test
    void shouldKeepAnsweringFromPostgresqlWhileRedisIsPaused() {
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.BARE).then().statusCode(200);
        redis.execute("CLIENT", "PAUSE", "1500", "ALL");
        long started = System.nanoTime();
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.BARE)
                .then().statusCode(200).header("X-Cache", "MISS").body("uscc", equalTo(SubjectFixtures.BARE));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 1_400, "answered in " + millis + " ms while Redis was paused");
        given().when().get("/q/health/ready").then().statusCode(200);
        redis.execute("CLIENT", "UNPAUSE");
    }

    private double hits() {
        var counter = meters.find("opencredit.cache.requests").tag("result", "hit").counter();
        return counter == null ? 0 : counter.count();
    }

    private void insertRecord(String uscc, String title) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id,
                            title, decision_date, reported_on, content, published_from)
                        SELECT id, 'LICENCE', ?, ?, ?, ?, ?, ?, '内容', ? FROM subject WHERE uscc = ?""")) {
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            insert.setString(1, SubjectFixtures.DEPARTMENT);
            insert.setString(2, SubjectFixtures.DEPARTMENT_USCC);
            insert.setString(3, "cache-" + System.nanoTime());
            insert.setString(4, title);
            insert.setObject(5, today);
            insert.setObject(6, today);
            insert.setObject(7, today);
            insert.setString(8, uscc);
            insert.executeUpdate();
        }
    }
}
