package cn.opencredit.gateway.evaluation;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.subject.SubjectFixtures;

/** Subjects made for evaluation tests, and waiting until the evaluation has caught up with the writes. */
@ApplicationScoped
public class EvaluationFixtures {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final AgroalDataSource dataSource;
    private final EvaluationWorker worker;

    EvaluationFixtures(AgroalDataSource dataSource, EvaluationWorker worker) {
        this.dataSource = dataSource;
        this.worker = worker;
    }

    /** A new active enterprise in the fixture region, registered {@code yearsAgo} years ago (none when negative). */
    String enterprise(int yearsAgo) {
        String uscc = SubjectFixtures.uscc("91", "MA0E%04d".formatted(SUBJECTS.incrementAndGet()));
        execute("""
                INSERT INTO subject (uscc, name, subject_type, legal_representative, region_code, industry_section, registered_on, status)
                VALUES (?, ?, 'ENTERPRISE', '王建国', ?, 'G', ?, 'ACTIVE')""", uscc, "石河子评价测试（" + uscc.substring(10, 16) + "）有限公司",
                SubjectFixtures.REGION, yearsAgo < 0 ? null : LocalDate.now().minusYears(yearsAgo).minusDays(1));
        return uscc;
    }

    /**
     * Waits until no subject waits to be evaluated, no evaluation job runs and the worker has
     * announced what it stored (the queue is read first: a batch taken off it is still being
     * announced while the worker is busy).
     */
    public void awaitQuiet() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (count("SELECT (SELECT count(*) FROM evaluation_pending) + (SELECT count(*) FROM evaluation_job WHERE state IN ('QUEUED', "
                    + "'RUNNING'))") == 0 && worker.idle()) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("the evaluation did not catch up within " + PATIENCE);
    }

    long count(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification asOperator() {
        return given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).contentType(ContentType.JSON);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
