package cn.opencredit.gateway.history;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import cn.opencredit.gateway.history.HistoryRepository.CheckRow;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * The tamper-evident history of credit records and list entries. The database appends to it
 * (V008); this service checks it, in the request for small histories or in the background with
 * progress for any size. One check runs at a time across replicas.
 */
@Singleton
public class HistoryService {

    /** A running check whose replica has not reported for this long has stopped (the replica died or was stopped). */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);
    /** How often a running check writes its progress. */
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);

    private static final com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>> MAP = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };
    private static final com.fasterxml.jackson.core.type.TypeReference<java.util.List<Object>> LIST = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    private final HistoryRepository repository;
    private final CheckpointService checkpoints;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService checks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("integrity-check-", 0).factory());
    /** Share of the work done by the check running on this replica, for the metric; 0 when none runs. */
    private final AtomicReference<Double> running = new AtomicReference<>(0.0);

    HistoryService(HistoryRepository repository, CheckpointService checkpoints, ObjectMapper json, Clock clock, MeterRegistry registry) {
        this.repository = repository;
        this.checkpoints = checkpoints;
        this.json = json;
        this.clock = clock;
        Gauge.builder("opencredit.history.integrity.progress", running, AtomicReference::get)
                .description("Share of the work done by the integrity check running on this replica, 0 when none runs")
                .register(registry);
    }

    /** A whole check in this request: for small histories and for tests; large ones use {@link #start}. */
    public Uni<IntegrityView> verify() {
        return repository.head()
                .emitOn(checks)
                .map(head -> new IntegrityCheck(repository, checkpoints.keys(), json).run(head, IntegrityCheck.Progress.NONE));
    }

    /** Starts a check in the background on this replica; 409 while another one runs anywhere. */
    public Uni<IntegrityCheckView> start(UUID requestedBy) {
        return repository.runningCheck(ABANDONED_AFTER.toSeconds()).chain(runningCheck -> {
            if (runningCheck.isPresent()) {
                throw new ProblemException(ProblemType.CONFLICT, "Integrity check " + runningCheck.get().id()
                        + " is running; follow it at /api/v1/admin/integrity/checks/" + runningCheck.get().id());
            }
            UUID id = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now(clock);
            return repository.head()
                    .call(head -> repository.insertCheck(id, requestedBy, now, head))
                    .invoke(head -> checks.execute(() -> runInBackground(id, head)))
                    .chain(head -> find(id));
        });
    }

    public Uni<IntegrityCheckView> find(UUID id) {
        return repository.findCheck(id).map(row -> row.map(this::view)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No integrity check with id " + id)));
    }

    private void runInBackground(UUID id, HistoryRepository.ChainHead head) {
        long[] lastReport = {System.nanoTime()};
        IntegrityCheck.Progress progress = (phase, entries, checkpointsTotal, checkpointsVerified, rowsTotal, rowsChecked, findings) -> {
            double total = head.sequence() + rowsTotal;
            running.set(total == 0 ? 1.0 : (entries + rowsChecked) / total);
            if (System.nanoTime() - lastReport[0] >= REPORT_EVERY.toNanos()) {
                lastReport[0] = System.nanoTime();
                repository.progress(id, phase, entries, (int) checkpointsTotal, (int) checkpointsVerified, rowsTotal, rowsChecked, findings)
                        .await().atMost(Duration.ofSeconds(30));
            }
        };
        try {
            IntegrityView result = new IntegrityCheck(repository, checkpoints.keys(), json).run(head, progress);
            repository.progress(id, "TABLES", result.verified(), (int) result.checkpoints().total(), (int) result.checkpoints().verified(),
                    result.rowsChecked(), result.rowsChecked(), result.findingsCount()).await().atMost(Duration.ofSeconds(30));
            repository.finish(id, "FINISHED", result.intact(),
                    result.brokenLink() == null ? null : new JsonObject(json.convertValue(result.brokenLink(), MAP)),
                    new JsonArray(json.convertValue(result.findings(), LIST)), result.findingsCount(), null)
                    .await().atMost(Duration.ofSeconds(30));
            Log.infof("Integrity check %s finished: intact=%s, %d entries, %d rows, %d findings", id, result.intact(), result.verified(),
                    result.rowsChecked(), result.findingsCount());
        } catch (RuntimeException e) {
            Log.errorf(e, "Integrity check %s failed", id);
            repository.finish(id, "FAILED", null, null, new JsonArray(), 0, e.getClass().getSimpleName() + ": " + e.getMessage())
                    .onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(30));
        } finally {
            running.set(0.0);
        }
    }

    private IntegrityCheckView view(CheckRow row) {
        IntegrityCheckView.State state = switch (row.state()) {
            case "FINISHED" -> IntegrityCheckView.State.FINISHED;
            case "FAILED" -> IntegrityCheckView.State.FAILED;
            default -> row.heartbeatAt().isBefore(OffsetDateTime.now(clock).minus(ABANDONED_AFTER)) ? IntegrityCheckView.State.ABANDONED
                    : IntegrityCheckView.State.RUNNING;
        };
        long total = row.headSequence() + row.rowsTotal();
        long done = row.entriesVerified() + row.rowsChecked();
        OffsetDateTime until = row.finishedAt() != null ? row.finishedAt() : row.heartbeatAt();
        double seconds = Math.max(0.001, Duration.between(row.requestedAt(), until).toNanos() / 1e9);
        double perSecond = done / seconds;
        Long eta = state == IntegrityCheckView.State.RUNNING && perSecond > 0 ? Math.round((total - done) / perSecond) : null;
        IntegrityCheckView.Progress progress = new IntegrityCheckView.Progress(row.entriesVerified(), row.headSequence(),
                row.checkpointsVerified(), row.checkpointsTotal(), row.rowsChecked(), row.rowsTotal(), row.findingsCount(),
                total == 0 ? 1.0 : Math.min(1.0, (double) done / total), Math.round(perSecond * 10) / 10.0, eta);
        IntegrityView result = null;
        if (state == IntegrityCheckView.State.FINISHED) {
            result = new IntegrityView(row.entriesVerified(), Boolean.TRUE.equals(row.intact()),
                    new IntegrityView.Head(row.headSequence(), HexFormat.of().formatHex(row.headHash())),
                    row.brokenLink() == null ? null : json.convertValue(row.brokenLink().getMap(), IntegrityView.BrokenLink.class),
                    new IntegrityView.Checkpoints(row.checkpointsTotal(), row.checkpointsVerified()), row.rowsChecked(),
                    json.convertValue(row.findings().getList(), json.getTypeFactory().constructCollectionType(java.util.List.class,
                            IntegrityView.Finding.class)), row.findingsCount());
        }
        return new IntegrityCheckView(row.id(), state, IntegrityCheckView.Phase.valueOf(row.phase()),
                row.requestedAt().atZoneSameInstant(ChinaTime.ZONE).toOffsetDateTime(),
                row.finishedAt() == null ? null : row.finishedAt().atZoneSameInstant(ChinaTime.ZONE).toOffsetDateTime(), progress, result,
                row.failure());
    }
}
