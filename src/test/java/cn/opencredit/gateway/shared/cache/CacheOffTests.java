package cn.opencredit.gateway.shared.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.HeldLock;

/**
 * With {@code opencredit.cache.enabled=false} (the benchmark's "nocache" variants, and the switch an
 * operator pulls when a cache is suspected) every profile and every search is read from
 * PostgreSQL: nothing is kept in Redis or in memory, and no search waits for the search generation.
 */
@QuarkusTest
@TestProfile(CacheOffTests.CachesOff.class)
class CacheOffTests {

    public static class CachesOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opencredit.cache.enabled", "false");
        }
    }

    private static final String SUBJECT = SubjectFixtures.uscc("91", "MA0D0001");
    private static final String NAME = "天山直读测试有限公司";
    private static final String PROFILE = "/api/v1/subjects/{uscc}";

    private final SubjectFixtures fixtures;
    private final AgroalDataSource dataSource;
    private final RedisDataSource redis;

    CacheOffTests(SubjectFixtures fixtures, AgroalDataSource dataSource, RedisDataSource redis) {
        this.fixtures = fixtures;
        this.dataSource = dataSource;
        this.redis = redis;
    }

    @BeforeEach
    void subject() throws SQLException {
        fixtures.ensureLoaded();
        fixtures.register(SUBJECT, NAME);
        update("UPDATE subject SET name = ? WHERE uscc = ?", NAME, SUBJECT);
    }

    @Test
    void shouldReadEveryProfileFromPostgresqlAndKeepNothingInRedis() throws SQLException {
        String etag = given().when().get(PROFILE, SUBJECT).then().statusCode(200).header("X-Cache", "MISS")
                .body("name", equalTo(NAME)).extract().header("ETag");
        given().when().get(PROFILE, SUBJECT).then().statusCode(200).header("X-Cache", "MISS").header("ETag", etag);
        given().header("If-None-Match", etag).when().get(PROFILE, SUBJECT).then().statusCode(304).header("ETag", etag);
        assertTrue(redis.key().keys("cache:{" + SUBJECT + "}:*").isEmpty(), "no answer was stored in Redis");

        // Changed in SQL, with no version bump and no announcement: a cache would still hold the old name.
        update("UPDATE subject SET name = ? WHERE uscc = ?", "天山直读改名有限公司", SUBJECT);
        String renamed = given().when().get(PROFILE, SUBJECT).then().statusCode(200).header("X-Cache", "MISS")
                .body("name", equalTo("天山直读改名有限公司")).extract().header("ETag");
        assertNotEquals(etag, renamed, "a changed profile has a new ETag");
        given().header("If-None-Match", etag).when().get(PROFILE, SUBJECT).then().statusCode(200);
        given().when().get(PROFILE, SubjectFixtures.UNREGISTERED).then().statusCode(404);
    }

    @Test
    void shouldSearchWithoutReadingTheSearchGeneration() throws SQLException {
        given().queryParam("q", "直读").when().get("/api/v1/subjects").then().statusCode(200).body("items.uscc", contains(SUBJECT));
        // With the cache on, a search reads the generation first and would wait behind this lock until the load timeout.
        try (HeldLock lock = HeldLock.take(dataSource, "LOCK TABLE subject_search_generation IN ACCESS EXCLUSIVE MODE")) {
            given().queryParam("q", "直读").when().get("/api/v1/subjects").then().statusCode(200)
                    .body("items.uscc", contains(SUBJECT)).body("items.name", contains(NAME));
        }
    }

    private void update(String sql, String... args) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setString(i + 1, args[i]);
            }
            assertEquals(1, statement.executeUpdate());
        }
    }
}
