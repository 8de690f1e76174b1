package cn.opencredit.gateway.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.Flyway;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.access.ConsumerRequest;
import cn.opencredit.gateway.access.ConsumerService;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.evaluation.EvaluationWorker;
import cn.opencredit.gateway.seed.SeedConfig;
import cn.opencredit.gateway.seed.SeedLoader;
import cn.opencredit.gateway.shared.environment.EnvironmentConfig;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * The sandbox's own work: consumers made by integrators themselves, and the daily return to the
 * seed's state. Everything here answers 404 on a live instance and checks the database's mark too,
 * so that a misconfigured live instance can never be reset.
 */
@ApplicationScoped
public class SandboxService {

    static final String PLAN = "sandbox";

    private final EnvironmentConfig environment;
    private final ConsumerService consumers;
    private final AgroalDataSource dataSource;
    private final Flyway flyway;
    private final SeedLoader seed;
    private final SeedConfig seedConfig;
    private final RedisDataSource redis;
    private final Clock clock;
    private final EvaluationWorker evaluations;
    private final ReentrantLock resetting = new ReentrantLock();

    SandboxService(EnvironmentConfig environment, ConsumerService consumers, AgroalDataSource dataSource, Flyway flyway, SeedLoader seed,
            SeedConfig seedConfig, RedisDataSource redis, Clock clock, EvaluationWorker evaluations) {
        this.environment = environment;
        this.consumers = consumers;
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.seed = seed;
        this.seedConfig = seedConfig;
        this.redis = redis;
        this.clock = clock;
        this.evaluations = evaluations;
    }

    /** A consumer of the integrator's choice, on the sandbox plan, with its first test key. */
    public Uni<SandboxConsumerView> createConsumer(SandboxConsumerRequest request) {
        requireSandbox();
        if (request.type() == ConsumerType.OPERATOR) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The sandbox makes bank, credit-agency, app, department and subject consumers; "
                    + "operators are the sandbox's own", List.of(new FieldError("type", "not-self-service", "operator consumers are not self-service",
                            "bank, credit-agency, app, department, subject")));
        }
        return consumers.create(new ConsumerRequest(request.name(), request.type(), null, PLAN, request.boundUscc()))
                .chain(consumer -> consumers.issueKey(consumer.id(), null).map(key -> new SandboxConsumerView(consumer, key)));
    }

    @Scheduled(cron = "${opencredit.sandbox.reset-cron:0 0 3 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void resetDaily() {
        if (!environment.enabled()) {
            return;
        }
        try {
            reset();
        } catch (RuntimeException e) {
            Log.errorf(e, "Sandbox reset failed; it runs again at the next scheduled time or on POST /api/v1/admin/sandbox/reset");
        }
    }

    /**
     * Back to the seed's state: the schema is emptied and migrated again, the consumers and their keys
     * are put back (integrators keep their test keys), the seed loads, and the sandbox's Redis database
     * is emptied (cached answers, counters). Blocking; one reset at a time.
     */
    public SandboxResetView reset() {
        requireSandbox();
        if (!resetting.tryLock()) {
            throw new ProblemException(ProblemType.CONFLICT, "A reset of the sandbox is running; try again when it has finished");
        }
        try {
            return resetNow();
        } catch (SQLException e) {
            throw new IllegalStateException("Sandbox reset failed", e);
        } finally {
            resetting.unlock();
        }
    }

    private SandboxResetView resetNow() throws SQLException {
        long started = System.nanoTime();
        String consumerRows;
        String keyRows;
        try (Connection connection = dataSource.getConnection()) {
            // The second guard: the instance's configuration said sandbox, the database must say so too.
            if (!SandboxMarker.present(connection)) {
                throw new IllegalStateException("Refusing to reset: the database carries no sandbox mark (table sandbox_marker)");
            }
            consumerRows = json(connection, "SELECT coalesce(json_agg(c), '[]')::text FROM access_consumer c");
            keyRows = json(connection, "SELECT coalesce(json_agg(k), '[]')::text FROM access_key k");
        }
        Log.info("Sandbox reset: consumers and keys saved; emptying the schema");
        Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load().clean();
        Log.info("Sandbox reset: schema emptied; migrating");
        flyway.migrate();
        long kept;
        try (Connection connection = dataSource.getConnection()) {
            kept = restore(connection, "access_consumer", consumerRows);
            restore(connection, "access_key", keyRows);
            SandboxMarker.write(connection, seedConfig.randomSeed(), true);
        }
        Log.infof("Sandbox reset: %d consumers and their keys put back; seeding", kept);
        SeedLoader.Summary loaded = seed.seedIfEmpty().orElseThrow(() -> new IllegalStateException("the subject table was not empty after the reset"));
        redis.execute("FLUSHDB");
        // The worker publishes the bundled model and evaluates everyone by itself only at start-up.
        evaluations.prepare();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Log.infof("Sandbox reset done in %d ms: %d subjects, %d credit records, %d list entries, %d consumers kept", took.toMillis(),
                loaded.subjects(), loaded.records(), loaded.listEntries(), kept);
        return new SandboxResetView(OffsetDateTime.now(clock), loaded.subjects(), loaded.records(), loaded.listEntries(), kept, took.toMillis());
    }

    private static String json(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long restore(Connection connection, String table, String rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " SELECT * FROM json_populate_recordset(NULL::" + table
                + ", ?::json)")) {
            insert.setString(1, rows);
            return insert.executeUpdate();
        }
    }

    private void requireSandbox() {
        if (!environment.enabled()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "This is the live platform; the sandbox is at " + environment.baseUrl());
        }
    }
}
