package cn.opencredit.gateway.shared.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.HeldLock;

/**
 * A connection to PostgreSQL lost while a read is under way (a restart, a failover, an operator
 * ending the session) is a 503 with Retry-After, like any failure that passes, never a 500; and the
 * pool recovers by itself. bench/durability.sh restarts PostgreSQL under load for the whole picture.
 */
@QuarkusTest
class DataStoreLossTests {

    private static final String PROFILE = "/api/v1/subjects/{uscc}";

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;

    DataStoreLossTests(AgroalDataSource dataSource, SubjectFixtures subjects) {
        this.dataSource = dataSource;
        this.subjects = subjects;
    }

    @Test
    void shouldAnswer503WhenTheConnectionIsLostMidReadAndRecover() throws Exception {
        // A subject nobody read before (Redis outlives test runs), so that the answer cannot come from a cache.
        String uscc = SubjectFixtures.uscc("91", "ML" + String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000)));
        subjects.register(uscc, "断线测试有限公司");
        CompletableFuture<Response> read;
        try (HeldLock lock = HeldLock.take(dataSource, "LOCK TABLE subject IN ACCESS EXCLUSIVE MODE")) {
            read = CompletableFuture.supplyAsync(() -> given().when().get(PROFILE, uscc));
            lock.awaitWaiters(1, List.of(read));
            // The session of this read (the profile's statement, known by its start: pg_stat_activity cuts
            // long statements short), not another that waits on the same lock.
            int terminated = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement terminate = connection.prepareStatement("""
                            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'SELECT part_subject.id, %'""")) {
                while (terminated == 0 && System.nanoTime() < deadline) {
                    try (ResultSet rows = terminate.executeQuery()) {
                        rows.next();
                        terminated = rows.getInt(1);
                    }
                }
            }
            assertEquals(1, terminated, "the read's session waited for the lock and was ended");
        }
        Response answer = read.get(20, TimeUnit.SECONDS);
        assertEquals(503, answer.statusCode(), answer.asString());
        answer.then().contentType("application/problem+json").header("Retry-After", "1")
                .body("type", equalTo("https://api.opencredit.cn/problems/service-unavailable"));

        given().when().get(PROFILE, uscc).then().statusCode(200).body("uscc", equalTo(uscc));
    }
}
