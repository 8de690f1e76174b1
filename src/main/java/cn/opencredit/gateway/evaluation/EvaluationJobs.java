package cn.opencredit.gateway.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import cn.opencredit.gateway.shared.cache.SubjectDataVersions;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * Evaluations of everyone, in the background with progress: a recompute stores every subject's
 * result under the model in force; a backtest evaluates everyone under a draft and under the model
 * in force and keeps only the comparison. Subjects are taken in id order, a batch per transaction
 * that also records how far the job got, so a replica that dies loses nothing: another takes the
 * job over after {@link EvaluationConfig#abandonedAfter()} and resumes where it stopped. One job
 * runs at a time across replicas.
 */
@Singleton
public class EvaluationJobs {

    enum Kind {
        RECOMPUTE, BACKTEST
    }

    private final AgroalDataSource dataSource;
    private final EvaluationStore store;
    private final ModelStore models;
    private final SubjectDataVersions versions;
    private final EvaluationConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService runners = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("evaluation-job-", 0).factory());
    /** Share of the job running on this replica that is done, for the metric; 0 when none runs here. */
    private final AtomicReference<Double> progress = new AtomicReference<>(0.0);
    private volatile boolean stopping;

    EvaluationJobs(AgroalDataSource dataSource, EvaluationStore store, ModelStore models, SubjectDataVersions versions, EvaluationConfig config,
            ObjectMapper json, Clock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.store = store;
        this.models = models;
        this.versions = versions;
        this.config = config;
        this.json = json;
        this.clock = clock;
        Gauge.builder("opencredit.evaluation.job.progress", progress, AtomicReference::get)
                .description("Share of the evaluation job (recompute or backtest) running on this replica that is done, 0 when none runs")
                .register(registry);
    }

    Duration abandonedAfter() {
        return config.abandonedAfter();
    }

    void stop(@jakarta.enterprise.event.Observes ShutdownEvent event) {
        stopping = true;
        runners.shutdownNow();
    }

    /**
     * Queues a job and starts it on this replica.
     *
     * @throws ProblemException conflict while another job is queued or running
     */
    UUID start(Kind kind, String modelVersion, String baselineVersion, String reason, UUID requestedBy) {
        UUID id = UUID.randomUUID();
        UUID runner = UUID.randomUUID();
        LocalDate asOf = ChinaTime.today(clock);
        try (Connection connection = dataSource.getConnection()) {
            Optional<UUID> active = active(connection);
            if (active.isPresent()) {
                throw new ProblemException(ProblemType.CONFLICT, "Evaluation job " + active.get() + " is running; follow it at "
                        + "/api/v1/admin/evaluation/jobs/" + active.get() + " and start another once it has finished");
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO evaluation_job (id, kind, model_version, baseline_version, state, reason, as_of, requested_by, runner,
                                                started_at, updated_at)
                    VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, now(), now())
                    ON CONFLICT DO NOTHING""")) {
                statement.setObject(1, id);
                statement.setString(2, kind.name());
                statement.setString(3, modelVersion);
                statement.setString(4, baselineVersion);
                statement.setString(5, reason);
                statement.setObject(6, asOf);
                statement.setObject(7, requestedBy);
                statement.setObject(8, runner);
                if (statement.executeUpdate() == 0) {
                    throw new ProblemException(ProblemType.CONFLICT, "Another evaluation job started at the same moment; wait for it to finish");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not queue the evaluation job", e);
        }
        Log.infof("Evaluation job %s (%s of model %s) started: %s", id, kind, modelVersion, reason);
        runners.execute(() -> run(id, runner));
        return id;
    }

    /** Takes over a job whose replica stopped reporting, and resumes it here. */
    @Scheduled(every = "${opencredit.evaluation.abandoned-check-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void takeOverAbandoned() {
        if (!config.worker() || stopping) {
            return;
        }
        UUID runner = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        UPDATE evaluation_job SET runner = ?, updated_at = clock_timestamp()
                        WHERE state = 'RUNNING' AND updated_at < now() - make_interval(secs => ?) RETURNING id""")) {
            statement.setObject(1, runner);
            statement.setLong(2, config.abandonedAfter().toSeconds());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    Log.warnf("Evaluation job %s was abandoned by its replica; resuming it here", id);
                    runners.execute(() -> run(id, runner));
                }
            }
        } catch (SQLException e) {
            Log.warnf("Could not look for abandoned evaluation jobs: %s", e.getMessage());
        }
    }

    private Optional<UUID> active(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM evaluation_job WHERE state IN ('QUEUED', 'RUNNING')"); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
        }
    }

    /** What a job is, as stored. */
    private record Job(Kind kind, String modelVersion, String baselineVersion, LocalDate asOf, long done, long resumeAfter, String result) {
    }

    private void run(UUID id, UUID runner) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Job job = load(connection, id);
            EvaluationModel model = models.find(connection, job.modelVersion())
                    .orElseThrow(() -> new IllegalStateException("model " + job.modelVersion() + " is gone"));
            EvaluationModel baseline = job.baselineVersion() == null ? null : models.find(connection, job.baselineVersion()).orElse(null);
            EvaluationStore.Population population = store.population(connection);
            setTotal(connection, id, population.count());
            if (job.kind() == Kind.RECOMPUTE && job.resumeAfter() == 0) {
                int cleared = store.clearPending(connection);
                Log.debugf("Evaluation job %s: %d queued subjects are covered by it", id, cleared);
            }
            connection.commit();
            Backtest backtest = job.kind() == Kind.BACKTEST ? Backtest.from(job.result(), json) : null;
            long after = job.resumeAfter();
            long done = job.done();
            long changedTotal = 0;
            while (!stopping) {
                long end = store.rangeEnd(connection, after, config.jobBatch());
                if (end == after) {
                    break;
                }
                EvaluationStore.Range selection = new EvaluationStore.Range(after + 1, end + 1);
                List<EvaluationInputs> inputs = store.inputs(connection, selection);
                Instant readAt = clock.instant();
                List<EvaluationStore.Changed> changed;
                if (backtest == null) {
                    Evaluator.Fresh fresh = Evaluator.evaluateChanged(model, inputs, store.storedResults(connection, selection), job.asOf());
                    changed = store.store(connection, fresh.inputs(), fresh.results(), readAt);
                } else {
                    for (EvaluationInputs input : inputs) {
                        EvaluationResult before = baseline == null ? null : Evaluator.evaluate(baseline, input, job.asOf());
                        backtest.add(before, Evaluator.evaluate(model, input, job.asOf()));
                    }
                    changed = List.of();
                }
                done += inputs.size();
                after = end;
                if (!report(connection, id, runner, done, after, backtest)) {
                    connection.rollback();
                    Log.warnf("Evaluation job %s was taken over by another replica; stopping here", id);
                    return;
                }
                connection.commit();
                changedTotal += changed.size();
                progress.set(population.count() == 0 ? 1.0 : Math.min(1.0, (double) done / population.count()));
                bump(changed);
            }
            if (stopping) {
                return;
            }
            finish(connection, id, runner, "FINISHED", backtest == null ? Map.of("subjects", done, "changed", changedTotal)
                    : backtest.view(model.version(), baseline == null ? null : baseline.version()), null);
            connection.commit();
            Log.infof("Evaluation job %s finished: %d subjects", id, done);
        } catch (SQLException | RuntimeException e) {
            if (stopping) {
                return;
            }
            Log.errorf(e, "Evaluation job %s failed", id);
            try (Connection connection = dataSource.getConnection()) {
                finish(connection, id, runner, "FAILED", null, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (SQLException | RuntimeException failed) {
                Log.errorf(failed, "Could not record that evaluation job %s failed", id);
            }
        } finally {
            progress.set(0.0);
        }
    }

    private Job load(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT kind, model_version, baseline_version, as_of, subjects_done, resume_after, result::text
                FROM evaluation_job WHERE id = ?""")) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("evaluation job " + id + " is gone");
                }
                return new Job(Kind.valueOf(rows.getString(1)), rows.getString(2), rows.getString(3), rows.getObject(4, LocalDate.class),
                        rows.getLong(5), rows.getLong(6), rows.getString(7));
            }
        }
    }

    private static void setTotal(Connection connection, UUID id, long total) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE evaluation_job SET subjects_total = ? WHERE id = ?")) {
            statement.setLong(1, total);
            statement.setObject(2, id);
            statement.executeUpdate();
        }
    }

    /**
     * Records progress in the batch's transaction; false when another runner owns the job now. The
     * time is the clock's, not the transaction's start, so the rate read from it is the real one.
     */
    private boolean report(Connection connection, UUID id, UUID runner, long done, long after, Backtest backtest) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE evaluation_job SET subjects_done = ?, resume_after = ?, updated_at = clock_timestamp(), result = coalesce(?::jsonb, result)
                WHERE id = ? AND runner = ?""")) {
            statement.setLong(1, done);
            statement.setLong(2, after);
            statement.setString(3, backtest == null ? null : backtest.toJson(json));
            statement.setObject(4, id);
            statement.setObject(5, runner);
            return statement.executeUpdate() == 1;
        }
    }

    private void finish(Connection connection, UUID id, UUID runner, String state, Object result, String failure) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE evaluation_job SET state = ?, finished_at = clock_timestamp(), updated_at = clock_timestamp(), result = coalesce(?::jsonb, result), failure = ?
                WHERE id = ? AND runner = ?""")) {
            statement.setString(1, state);
            statement.setString(2, result == null ? null : json.writeValueAsString(result));
            statement.setString(3, failure);
            statement.setObject(4, id);
            statement.setObject(5, runner);
            statement.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job's result is plain data and always writes as JSON", e);
        }
    }

    /** Invalidates the cached answers about subjects whose result changed, once their batch has committed. */
    void bump(List<EvaluationStore.Changed> changed) {
        if (changed.isEmpty()) {
            return;
        }
        versions.subjectsChanged(changed.stream().map(EvaluationStore.Changed::uscc).toList()).await().atMost(Duration.ofMinutes(1));
    }

    /**
     * A backtest's running totals: each grade's count under the draft and under the model in force,
     * and how many subjects move from each grade to each other ({@code none} for subjects without one).
     */
    static final class Backtest {

        private static final String NONE = "none";
        final Map<String, Long> draft = new LinkedHashMap<>();
        final Map<String, Long> current = new LinkedHashMap<>();
        final Map<String, Map<String, Long>> transitions = new LinkedHashMap<>();

        Backtest() {
            for (String grade : grades()) {
                draft.put(grade, 0L);
                current.put(grade, 0L);
                Map<String, Long> row = new LinkedHashMap<>();
                grades().forEach(to -> row.put(to, 0L));
                transitions.put(grade, row);
            }
        }

        static List<String> grades() {
            List<String> grades = new ArrayList<>();
            for (Grade grade : Grade.values()) {
                grades.add(grade.code());
            }
            grades.add(NONE);
            return grades;
        }

        void add(EvaluationResult before, EvaluationResult after) {
            String from = before == null || before.grade() == null ? NONE : before.grade().code();
            String to = after.grade() == null ? NONE : after.grade().code();
            current.merge(from, 1L, Long::sum);
            draft.merge(to, 1L, Long::sum);
            transitions.get(from).merge(to, 1L, Long::sum);
        }

        @SuppressWarnings("unchecked")
        static Backtest from(String stored, ObjectMapper json) {
            Backtest backtest = new Backtest();
            if (stored == null) {
                return backtest;
            }
            try {
                Map<String, Object> saved = json.readValue(stored, Map.class);
                ((Map<String, Number>) saved.getOrDefault("draft", Map.of())).forEach((k, v) -> backtest.draft.put(k, v.longValue()));
                ((Map<String, Number>) saved.getOrDefault("current", Map.of())).forEach((k, v) -> backtest.current.put(k, v.longValue()));
                ((Map<String, Map<String, Number>>) saved.getOrDefault("transitions", Map.of()))
                        .forEach((from, row) -> row.forEach((to, v) -> backtest.transitions.get(from).put(to, v.longValue())));
                return backtest;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A backtest's stored totals are not JSON", e);
            }
        }

        String toJson(ObjectMapper json) {
            try {
                return json.writeValueAsString(Map.of("draft", draft, "current", current, "transitions", transitions));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A backtest's totals are plain data and always write as JSON", e);
            }
        }

        Map<String, Object> view(String draftVersion, String currentVersion) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("draftVersion", draftVersion);
            view.put("currentVersion", currentVersion);
            view.put("draft", draft);
            view.put("current", current);
            view.put("transitions", transitions);
            return view;
        }
    }
}
