package cn.opencredit.gateway.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * Keeps every subject's evaluation current. A write that can move a score queues its subject in
 * {@code evaluation_pending} in the write's own transaction (triggers on subjects, records and list
 * entries); each replica's worker loops ({@code opencredit.evaluation.worker-loops}) take queued
 * subjects in batches ({@code FOR UPDATE SKIP LOCKED}, so loops and replicas share the queue) and
 * store their new results in the same transaction that takes them off the queue. Time changes
 * results too (decay, ends of publication, list expiry): each result says on which day that
 * happens next, and a sweep queues the subjects whose day has come.
 */
@Singleton
public class EvaluationWorker {

    /** The model the gateway starts with when its database holds none. */
    static final String BUNDLED_MODEL = "evaluation/model-2026.1.yaml";

    /**
     * Subjects whose inputs are read, evaluated and stored together, within the transaction of one
     * claimed batch. A batch of 500 at once kept tens of MB of records and contributions alive for
     * as long as it took, long enough to be copied into the old generation: under ingestion that
     * filled it every second and a half (docs/benchmarks.md, twelfth sitting). Jobs keep their
     * 2 000 subjects a statement: in slices of this size a recompute ran at half its rate there.
     */
    static final int EVALUATED_TOGETHER = 100;

    private final AgroalDataSource dataSource;
    private final EvaluationStore store;
    private final ModelStore models;
    private final EvaluationJobs jobs;
    private final EvaluationConfig config;
    private final Clock clock;
    private final AtomicInteger draining = new AtomicInteger();
    private volatile boolean stopping;
    /** Started on the start-up thread, interrupted on the shutdown thread: published whole through the volatile field. */
    private volatile List<Thread> loops = List.of();

    EvaluationWorker(AgroalDataSource dataSource, EvaluationStore store, ModelStore models, EvaluationJobs jobs, EvaluationConfig config,
            Clock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.store = store;
        this.models = models;
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
        Gauge.builder("opencredit.evaluation.queue", this, EvaluationWorker::queued)
                .description("Queue entries waiting to be evaluated (a subject queued by several writes has one per write until a worker takes them)").register(registry);
    }

    /**
     * After the seed (priority 10 000 runs later than the default): publishes the bundled model when
     * none is, evaluates everyone when nobody is evaluated yet, then starts this replica's worker.
     */
    void start(@Observes @Priority(10_000) StartupEvent event) {
        if (!config.worker()) {
            return;
        }
        prepare();
        List<Thread> started = new ArrayList<>();
        for (int i = 1; i <= config.workerLoops(); i++) {
            started.add(Thread.ofVirtual().name("evaluation-worker-" + i).start(this::drainForever));
        }
        loops = List.copyOf(started);
    }

    /**
     * Publishes the bundled model when none is and evaluates everyone when nobody is evaluated yet:
     * at start-up, and after the sandbox's reset has emptied and re-seeded the database. Blocking.
     */
    public void prepare() {
        try (Connection connection = dataSource.getConnection()) {
            if (models.publishIfNone(connection, bundledModel(), null)) {
                Log.infof("Published the bundled scoring model (%s): the database held none", BUNDLED_MODEL);
            }
            if (nobodyEvaluated(connection)) {
                Optional<EvaluationModel> model = models.inForce(connection);
                if (model.isPresent()) {
                    startBootstrap(model.get().version());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the evaluation", e);
        }
    }

    private void startBootstrap(String version) {
        try {
            jobs.start(EvaluationJobs.Kind.RECOMPUTE, version, null, "first evaluation of every subject", null);
        } catch (RuntimeException e) {
            // Another replica started it at the same moment.
            Log.debugf("Bootstrap recompute not started here: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        loops.forEach(Thread::interrupt);
    }

    private void drainForever() {
        while (!stopping) {
            try {
                if (drainOnce() == 0) {
                    Thread.sleep(config.pollInterval());
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                Log.warnf("Evaluating queued subjects failed; trying again: %s", e.getMessage());
                try {
                    Thread.sleep(config.pollInterval().multipliedBy(4));
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    /** Evaluates one batch of queued subjects; returns how many were taken. */
    int drainOnce() throws SQLException {
        draining.incrementAndGet();
        try {
            return drainBatch();
        } finally {
            draining.decrementAndGet();
        }
    }

    /**
     * Whether no batch is being evaluated or announced on this replica: with an empty queue, every
     * result is stored and every changed subject's cached views are invalidated.
     */
    boolean idle() {
        return draining.get() == 0;
    }

    private int drainBatch() throws SQLException {
        List<EvaluationStore.Changed> changed;
        int taken;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<EvaluationModel> model = models.inForce(connection);
                if (model.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                List<Long> ids = store.claimPending(connection, config.queueBatch());
                taken = ids.size();
                if (ids.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                LocalDate asOf = ChinaTime.today(clock);
                changed = new ArrayList<>();
                for (int from = 0; from < ids.size(); from += EVALUATED_TOGETHER) {
                    EvaluationStore.Ids selection = new EvaluationStore.Ids(ids.subList(from, Math.min(from + EVALUATED_TOGETHER, ids.size())));
                    Instant readAt = clock.instant();
                    Evaluator.Fresh fresh = Evaluator.evaluateChanged(model.get(), store.inputs(connection, selection),
                            store.storedResults(connection, selection), asOf);
                    changed.addAll(store.store(connection, fresh.inputs(), fresh.results(), readAt));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        jobs.bump(changed);
        return taken;
    }

    /** Queues the subjects whose results time has changed by today; hourly, and at start. */
    @Scheduled(every = "${opencredit.evaluation.sweep-every:1h}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        if (!config.worker()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            int queued = store.queueDue(connection, ChinaTime.today(clock));
            if (queued > 0) {
                Log.infof("Queued %d subjects whose evaluation time has changed", queued);
            }
        } catch (SQLException e) {
            Log.warnf("The evaluation sweep failed; the next one catches up: %s", e.getMessage());
        }
    }

    private double queued() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM evaluation_pending");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    private static boolean nobodyEvaluated(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM evaluation)");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    static String bundledModel() {
        try (InputStream in = EvaluationWorker.class.getClassLoader().getResourceAsStream(BUNDLED_MODEL)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_MODEL + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
